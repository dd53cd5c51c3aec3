#!/usr/bin/env python3
"""The benchmark driver behind bench/run.sh (Python 3 standard library only).

Measures the adapter (bench/BenchApp) against a bare ASP.NET Core minimal API with the same endpoints
(bench/Baseline), and against `next start` (bench/next-app) when Node is present. Every goal is a ratio
measured in one run with A and B interleaved (A B A B ...), medians of the rounds, after a warm-up, on a
machine shared with other work: absolute numbers drift, ratios much less.

Prints one line per figure on stdout, progress on stderr, and writes bench/results/latest.json and
bench/results/chart.svg. Servers run on SERVER_CPUS (core 0), wrk on WRK_CPUS (core 1); every process
started here runs in its own process group and is stopped by that group's id when the driver exits,
also on Ctrl-C or an error. Every load is bounded (wrk -d) and only targets 127.0.0.1.

Environment knobs (see bench/README.md):
  QUICK=1              short loads and few rounds: a smoke check, not figures to quote
  ONLY=hello,static    run only these figure groups (see GROUPS below)
  AOT=auto|1|0         Native AOT for every .NET app (auto: AOT, or JIT for all when an AOT publish fails)
  DURATION, ROUNDS, WARMUP, CONNECTIONS, COLD_RUNS, MEM_RUNS, ZIPF_KEYS   override the defaults
  SERVER_CPUS=0 WRK_CPUS=1

Sub-commands (used by the figures, handy alone):
  bench.py scale N     write bench/.work/scale-N: a copy of BenchApp with N generated app/r/{i}/items/[id] routes
"""
import atexit
import concurrent.futures
import datetime
import fcntl
import hashlib
import http.client
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
WORK = os.path.join(BENCH, '.work')
RESULTS = os.path.join(BENCH, 'results')

QUICK = os.environ.get('QUICK') == '1'


def knob(name, full, quick):
    value = os.environ.get(name)
    return type(full)(value) if value else (quick if QUICK else full)


DURATION = knob('DURATION', 10, 2)          # seconds of one measured wrk load
ROUNDS = knob('ROUNDS', 3, 2)               # interleaved A/B rounds per figure
WARMUP = knob('WARMUP', 5, 1)               # seconds of untimed load per server before the rounds
CONNECTIONS = knob('CONNECTIONS', 32, 32)   # wrk connections (one wrk thread)
COLD_RUNS = knob('COLD_RUNS', 10, 3)        # cold starts per variant (plus one untimed)
MEM_RUNS = knob('MEM_RUNS', 3, 1)           # memory runs per variant
MEM_LOAD = knob('MEM_LOAD', 10, 3)          # seconds of load before reading the memory high-water mark
ZIPF_KEYS = knob('ZIPF_KEYS', 10_000, 1_000)
SERVER_CPUS = os.environ.get('SERVER_CPUS', '0')
WRK_CPUS = os.environ.get('WRK_CPUS', '1')
AOT = os.environ.get('AOT', 'auto').lower()

ROUTES_SMALL, ROUTES_COLD = 10, 1_000
# 10,000 is the figure's size. QUICK builds 2,000: with the current source generator a 10,000-route app takes about
# ten minutes and a compiler of about 19 GB to build on a 2-core machine (see bench/README.md).
ROUTES_LARGE = knob('SCALE_ROUTES', 10_000, 2_000)
BIGDIR_FOLDERS = 5_000
SCALE_SIZES = sorted({10, 100, ROUTES_COLD, ROUTES_LARGE})   # the route counts of the scale chart
SCALE_RUNS = knob('SCALE_RUNS', 2, 1)                         # load runs per size and side for memory and throughput
SCALE_COLD_RUNS = knob('SCALE_COLD_RUNS', 6, 2)                # cold starts per size and side
PRERENDER_PATHS = knob('PRERENDER_PATHS', 1_000, 100)           # the larger prerender of the prerender figures
PRERENDER_FIRST_RUNS = knob('PRERENDER_FIRST_RUNS', 3, 1)       # first-instance starts per size and mode
AZURITE_VERSION = '3.37.0'   # the version tests/Shared/Azurite.cs pins
ZIPF_EXPONENT = 1.0
ECHO_BODY = '{"id":42,"name":"widget","tags":["a","b","c"],"price":9.99,"stock":{"warehouse":"north","count":17},"active":true}'
GROUPS = ['hello', 'items', 'echo', 'static', 'tracing', 'routing', 'blob', 'coldstart', 'memory', 'scale', 'hop', 'worker', 'workerscale', 'prerender', 'next']


def log(message):
    print(f'[bench {time.strftime("%H:%M:%S")}] {message}', file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# processes: every one in its own process group, stopped by that group at exit


_running = []
_running_lock = threading.Lock()


def spawn(argv, env=None, cwd=None, cpus=SERVER_CPUS, log_name=None):
    """Starts argv (pinned to cpus) in a new session; its pid is its process-group id."""
    os.makedirs(os.path.join(WORK, 'logs'), exist_ok=True)
    out = open(os.path.join(WORK, 'logs', (log_name or os.path.basename(argv[0])) + '.log'), 'ab') if log_name else subprocess.DEVNULL
    pinned = (['taskset', '-c', cpus] if cpus else []) + argv
    proc = subprocess.Popen(pinned, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT if log_name else subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    if log_name:
        out.close()
    with _running_lock:
        _running.append(proc)
    return proc


def stop(proc):
    """SIGTERM to the process group, SIGKILL after 5 s; only groups this driver started."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
    elif _group_members(proc.pid):
        # The leader is gone but a child it left in its session (node under npx, say) must not outlive the driver.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    with _running_lock:
        if proc in _running:
            _running.remove(proc)


def _group_members(pgid):
    """Processes in process group pgid of the session pgid: only a group this driver created matches both."""
    members = []
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    fields = f.read().rsplit(')', 1)[1].split()
                if int(fields[2]) == pgid and int(fields[3]) == pgid:
                    members.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return members


def stop_all():
    with _running_lock:
        procs = list(_running)
    for proc in procs:
        stop(proc)


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


atexit.register(stop_all)
for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, _on_signal)
signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even when started with SIGINT ignored (a background job)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(('127.0.0.1', port)) == 0


def http_get(port, path, timeout=5, method='GET', body=None, headers=None):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def server_env(**extra):
    """The driver's environment without settings that would change how an app listens or caches, plus extra."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(('ASPNETCORE_', 'DOTNET_ENVIRONMENT', 'Cache__', 'FUNCTIONS_', 'RouteHandlers__', 'Next__'))}
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Server:
    """One server process on 127.0.0.1:port."""

    def __init__(self, name, argv, port, env=None, cwd=None, ready_path='/api/hello'):
        self.name, self.argv, self.port, self.env, self.cwd, self.ready_path = name, argv, port, env, cwd, ready_path
        self.proc = None

    @property
    def url(self):
        return f'http://127.0.0.1:{self.port}'

    def start(self, timeout=90):
        self.proc = spawn(self.argv, env=self.env, cwd=self.cwd, log_name=self.name)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f'{self.name} exited with {self.proc.returncode} before answering; see {self.log_path()}')
            try:
                status, _ = http_get(self.port, self.ready_path, timeout=2)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f'{self.name} did not answer 200 on {self.ready_path} within {timeout}s; see {self.log_path()}')

    def log_path(self):
        return os.path.join(WORK, 'logs', self.name + '.log')

    def stop(self):
        if self.proc:
            stop(self.proc)
            self.proc = None


class Servers:
    """Starts servers and stops them all when the block ends."""

    def __init__(self, *servers):
        self.servers = servers

    def __enter__(self):
        try:
            for server in self.servers:
                server.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self.servers

    def __exit__(self, *_):
        for server in self.servers:
            server.stop()


# ---------------------------------------------------------------------------------------------------------------
# building and publishing


def run(argv, cwd=ROOT, log_name=None, timeout=1800, env=None):
    """Runs a build command; its output goes to bench/.work/logs/<log_name>.log. Returns (ok, seconds, tail)."""
    os.makedirs(os.path.join(WORK, 'logs'), exist_ok=True)
    path = os.path.join(WORK, 'logs', (log_name or 'run') + '.log')
    started = time.perf_counter()
    with open(path, 'w') as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
        with _running_lock:
            _running.append(proc)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log(f'{argv[0]} {argv[1] if len(argv) > 1 else ""} took longer than {timeout}s: stopped')
        finally:
            stop(proc)
    seconds = time.perf_counter() - started
    with open(path, errors='replace') as f:
        lines = f.read().splitlines()
    return proc.returncode == 0, seconds, '\n'.join(lines[-15:])


def tree_hash(*paths):
    """A hash of the files under paths (bin, obj, .work and node_modules left out): the publish cache key."""
    digest = hashlib.sha256()
    for top in paths:
        if os.path.isfile(top):
            files = [top]
        else:
            files = []
            for folder, dirs, names in os.walk(top):
                dirs[:] = sorted(d for d in dirs if d not in ('bin', 'obj', '.work', 'node_modules', '.next'))
                files.extend(os.path.join(folder, n) for n in sorted(names))
        for path in files:
            digest.update(os.path.relpath(path, ROOT).encode())
            with open(path, 'rb') as f:
                digest.update(hashlib.sha256(f.read()).digest())
    return digest.hexdigest()


ADAPTER_INPUTS = [os.path.join(ROOT, 'src', 'Adapter'), os.path.join(ROOT, 'src', 'Adapter.Generators'),
                  os.path.join(ROOT, 'Directory.Build.props')]


class App:
    """A .NET project to publish: its folder, what its build depends on, and the executable's name."""

    def __init__(self, name, project_dir, assembly, uses_adapter, properties=()):
        self.name, self.project_dir, self.assembly, self.uses_adapter = name, project_dir, assembly, uses_adapter
        self.properties = list(properties)  # -p:Name=Value switches of its publish

    def inputs(self):
        return [self.project_dir] + (ADAPTER_INPUTS if self.uses_adapter else [os.path.join(ROOT, 'Directory.Build.props')])


BASELINE = App('baseline', os.path.join(BENCH, 'Baseline'), 'Baseline', False)
ADAPTER = App('adapter', os.path.join(BENCH, 'BenchApp'), 'BenchApp', True)
# The same app with the OpenTelemetry SDK compiled in, for the tracing.otel figures only.
ADAPTER_OTEL = App('adapter-otel', os.path.join(BENCH, 'BenchApp'), 'BenchApp', True, ['-p:BenchOpenTelemetry=true'])
# Built as an app whose cache is on the file system or in memory can be: without the Azure service clients (no blob
# store, no Front Door purge), which Native AOT then leaves out of the executable. The cold start and memory figures
# use it, and report ADAPTER (the SDK compiled in, as an app using Blob Storage needs it) beside it.
WITHOUT_AZURE = ['-p:RouteHandlersAzureServices=false']
ADAPTER_LOCAL = App('adapter-local', os.path.join(BENCH, 'BenchApp'), 'BenchApp', True, WITHOUT_AZURE)


# The isolated-worker side: the adapter's catch-all function and a bare worker function, both run by the stand-in
# Functions host (bench/WorkerHost, over tests/FunctionsHost), published JIT or ReadyToRun (the worker cannot be AOT).
FUNCTIONS_INPUTS = [os.path.join(ROOT, 'src', 'Adapter.Functions'), os.path.join(BENCH, 'BenchApp'), os.path.join(ROOT, 'host.json')]
BENCHWORKER = App('benchworker', os.path.join(BENCH, 'BenchWorker'), 'BenchWorker', True)
BAREWORKER = App('bareworker', os.path.join(BENCH, 'BareWorker'), 'BareWorker', False)
WORKERHOST = App('workerhost', os.path.join(BENCH, 'WorkerHost'), 'WorkerHost', False)


def publish_worker(app, mode):
    """Publishes an isolated worker (mode 'jit': portable IL; 'r2r': ReadyToRun for linux-x64) or the host tool; returns its folder."""
    inputs = app.inputs() + (FUNCTIONS_INPUTS if app is BENCHWORKER else []) + ([os.path.join(ROOT, 'tests', 'FunctionsHost')] if app is WORKERHOST else [])
    return publish_worker_from(app, mode, inputs)


def publish_worker_from(app, mode, inputs):
    """publish_worker with the inputs whose hash decides whether an earlier publish is reused."""
    out = os.path.join(WORK, 'pub', f'{app.name}-{mode}')
    stamp_path, stamp = out + '.stamp', tree_hash(*inputs)
    dll = os.path.join(out, app.assembly + '.dll')
    if os.path.exists(dll) and _read(stamp_path) == stamp:
        return out
    shutil.rmtree(out, ignore_errors=True)
    argv = ['dotnet', 'publish', os.path.join(app.project_dir, app.assembly + '.csproj'), '-c', 'Release', '-o', out, '-nologo']
    argv += ['-r', 'linux-x64', '--self-contained', 'false', '-p:PublishReadyToRun=true'] if mode == 'r2r' else ['-p:PublishReadyToRun=false']
    log(f'publishing {app.name} ({mode})...')
    ok, seconds, tail = run(argv, log_name=f'publish-{app.name}-{mode}')
    if not ok or not os.path.exists(dll):
        raise PublishError(f'publishing {app.name} ({mode}) failed after {seconds:.0f}s:\n{tail}')
    log(f'published {app.name} ({mode}) in {seconds:.0f}s')
    _write(stamp_path, stamp)
    return out


def scale_app(routes, properties=()):
    suffix = '-local' if properties == WITHOUT_AZURE else ''
    return App(f'adapter-{routes}{suffix}', write_scale_copy(routes), 'BenchApp', True, properties)


def publish(app, aot):
    """Publishes app (Native AOT or framework-dependent JIT) into bench/.work/pub/, reusing an output whose inputs are unchanged."""
    mode = 'aot' if aot else 'jit'
    out = os.path.join(WORK, 'pub', f'{app.name}-{mode}')
    stamp_path = out + '.stamp'
    failed_path = out + '.failed'
    stamp = tree_hash(*app.inputs())
    exe = os.path.join(out, app.assembly)
    if os.path.exists(exe) and _read(stamp_path) == stamp:
        return exe
    if _read(failed_path) == stamp:
        raise PublishError(f'{app.name} ({mode}) failed to publish earlier with the same sources; see bench/.work/logs/publish-{app.name}-{mode}.log')
    shutil.rmtree(out, ignore_errors=True)
    csproj = os.path.join(app.project_dir, app.assembly + '.csproj')
    argv = ['dotnet', 'publish', csproj, '-c', 'Release', '-o', out, '-nologo']
    # The projects set PublishAot themselves (a global -p:PublishAot=true would reach the netstandard generator too).
    argv += ['-r', 'linux-x64'] if aot else ['-p:PublishAot=false']
    argv += app.properties
    if app.name.startswith('adapter-') and app.properties in ([], WITHOUT_AZURE):
        argv += ['-nodeReuse:false', '-p:UseSharedCompilation=false']  # a big compiler must not linger in a shared server
    log(f'publishing {app.name} ({mode})...')
    ok, seconds, tail = run(argv, log_name=f'publish-{app.name}-{mode}')
    if not ok or not os.path.exists(exe):
        _write(failed_path, stamp)
        raise PublishError(f'publishing {app.name} ({mode}) failed after {seconds:.0f}s:\n{tail}')
    log(f'published {app.name} ({mode}) in {seconds:.0f}s')
    _write(stamp_path, stamp)
    if os.path.exists(failed_path):
        os.remove(failed_path)
    return exe


class PublishError(Exception):
    pass


def _read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def _write_if_changed(path, text):
    """Leaves an unchanged file alone, so incremental builds of a scale copy stay incremental."""
    if _read(path) == text.strip():
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


GENERATED_ROUTE = '''namespace BenchApp.App.R.R{i}.Items;

/// <summary>Generated by bench/bench.py: <c>GET /r/{i}/items/[id]</c>.</summary>
internal static class ItemsRoute
{{
    public static Response GET(RouteParams @params) => Response.Json(new Routed({i}, @params["id"]), BenchJson.Default.Routed);
}}
'''


def write_scale_worker_copy(routes):
    """bench/.work/scale-N-worker: bench/BenchWorker's project pointed at bench/.work/scale-N's app/ tree (beside it, not
    inside: the scale copy's project compiles every .cs file under its folder)."""
    app_dir = write_scale_copy(routes)
    dest = os.path.join(WORK, f'scale-{routes}-worker')
    for name in ('BenchWorker.csproj', 'Program.cs'):
        with open(os.path.join(BENCHWORKER.project_dir, name)) as f:
            text = f.read()
        if name.endswith('.csproj'):
            text = text.replace('<PropertyGroup>', f'<PropertyGroup>\n    <BenchAppDirectory>{app_dir}/</BenchAppDirectory>', 1)
        _write_if_changed(os.path.join(dest, name), text)
    return dest


def scale_worker_app(routes):
    return App(f'benchworker-{routes}', write_scale_worker_copy(routes), 'BenchWorker', True)


def write_scale_copy(routes):
    """bench/.work/scale-N: BenchApp's files plus N route files app/r/{i}/items/[id]/route.cs (BenchApp.csproj finds
    the adapter through $(RepoRoot), so the copy builds where it is)."""
    dest = os.path.join(WORK, f'scale-{routes}')
    source = ADAPTER.project_dir
    for folder, dirs, names in os.walk(source):
        dirs[:] = [d for d in dirs if d not in ('bin', 'obj')]
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), source)
            with open(os.path.join(folder, name)) as f:
                _write_if_changed(os.path.join(dest, rel), f.read())
    generated = os.path.join(dest, 'app', 'r')
    if os.path.isdir(generated):
        for entry in os.listdir(generated):
            if not entry.isdigit() or int(entry) >= routes:
                shutil.rmtree(os.path.join(generated, entry))
    for i in range(routes):
        _write_if_changed(os.path.join(generated, str(i), 'items', '[id]', 'route.cs'), GENERATED_ROUTE.format(i=i))
    return dest


def measure_build_time(routes):
    """A full `dotnet build -c Release` of the scale copy, its obj and bin removed first and the adapter already built:
    compiling the app, the source generator's work on the route tree included. The compiler runs in its own process
    (no shared compiler server keeps its memory afterwards), so its peak resident memory can be read too.
    Returns (seconds, peak MB or None)."""
    app = scale_app(routes)
    csproj = os.path.join(app.project_dir, 'BenchApp.csproj')
    for project in ('src/Adapter/Adapter.csproj', 'src/Adapter.Generators/Adapter.Generators.csproj'):
        ok, _, tail = run(['dotnet', 'build', os.path.join(ROOT, project), '-c', 'Release', '-nologo'], log_name='build-adapter')
        if not ok:
            raise PublishError(f'building {project} failed:\n{tail}')
    for folder in ('obj', 'bin'):
        shutil.rmtree(os.path.join(app.project_dir, folder), ignore_errors=True)
    ok, _, tail = run(['dotnet', 'restore', csproj, '-nologo'], log_name=f'restore-{routes}')
    if not ok:
        raise PublishError(f'restoring the {routes}-route app failed:\n{tail}')
    timer = ['/usr/bin/time', '-f', 'peak_rss_kb=%M'] if os.path.exists('/usr/bin/time') else []
    ok, seconds, tail = run(timer + ['dotnet', 'build', csproj, '-c', 'Release', '--no-restore', '-nologo', '-nodeReuse:false',
                                     '-p:UseSharedCompilation=false'], log_name=f'build-{routes}')
    if not ok:
        raise PublishError(f'building the {routes}-route app failed:\n{tail}')
    peak = re.search(r'peak_rss_kb=(\d+)', tail)
    return seconds, (int(peak.group(1)) / 1024 if peak else None)


# ---------------------------------------------------------------------------------------------------------------
# load (wrk)


def lua_file(name, text):
    path = os.path.join(WORK, 'lua', name)
    _write(path, text)
    return path


def post_script():
    body = ECHO_BODY.replace('\\', '\\\\').replace('"', '\\"')
    return lua_file('echo.lua', f'wrk.method = "POST"\nwrk.body = "{body}"\nwrk.headers["Content-Type"] = "application/json"\n')


def zipf_script(keys, exponent=ZIPF_EXPONENT):
    """wrk script: GET /products/{id}, id drawn from a Zipf distribution over 1..keys (id 1 the most requested)."""
    return lua_file(f'zipf-{keys}.lua', f'''-- generated by bench/bench.py: /products/{{id}} with id ~ Zipf(s={exponent}) over 1..{keys}
local n, s = {keys}, {exponent}
local cdf = {{}}
local total = 0
for i = 1, n do total = total + 1 / (i ^ s); cdf[i] = total end
for i = 1, n do cdf[i] = cdf[i] / total end
math.randomseed(os.time())
request = function()
  local u = math.random()
  local lo, hi = 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", "/products/" .. lo)
end
''')


def _ms(text):
    value = float(re.match(r'[\d.]+', text).group(0))
    unit = text[len(re.match(r'[\d.]+', text).group(0)):]
    return value * {'us': 0.001, 'ms': 1.0, 's': 1000.0, 'm': 60000.0}.get(unit, 1.0)


def cpu_seconds(pid):
    """The user plus system CPU time a process (all its threads) has used so far, from /proc/<pid>/stat."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def wrk(url, seconds, connections=CONNECTIONS, script=None, pid=None):
    """One bounded wrk load (-t1, --latency). Returns rps, p50/p99 latency (ms), requests, non-2xx and socket errors,
    and with the server's pid its CPU time per request (µs), which moves less than throughput on a shared machine."""
    cpu_before = cpu_seconds(pid) if pid else None
    argv = (['taskset', '-c', WRK_CPUS] if WRK_CPUS else []) + ['wrk', '-t1', f'-c{connections}', f'-d{seconds}s', '--latency', '--timeout', '5s']
    if script:
        argv += ['-s', script]
    argv.append(url)
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60, stdin=subprocess.DEVNULL).stdout
    cpu_used = cpu_seconds(pid) - cpu_before if pid else None
    result = {'rps': 0.0, 'p50_ms': None, 'p99_ms': None, 'requests': 0, 'non2xx': 0, 'socket_errors': 0}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith('Requests/sec:'):
            result['rps'] = float(parts[1])
        elif len(parts) == 2 and parts[0] == '50%':
            result['p50_ms'] = _ms(parts[1])
        elif len(parts) == 2 and parts[0] == '99%':
            result['p99_ms'] = _ms(parts[1])
        elif 'requests in' in line:
            result['requests'] = int(parts[0])
        elif line.strip().startswith('Non-2xx or 3xx responses:'):
            result['non2xx'] = int(parts[-1])
        elif line.strip().startswith('Socket errors:'):
            result['socket_errors'] = sum(int(n) for n in re.findall(r'\d+', line))
    if cpu_used is not None and result['requests']:
        result['cpu_us'] = round(cpu_used * 1e6 / result['requests'], 3)
    return result


def interleaved(targets, seconds=None, rounds=None, warmup=None, connections=CONNECTIONS):
    """targets: [(label, url, script)], or (label, url, script, server) to also read the server's CPU time per
    request. Warms each, then runs rounds of A B A B ...; returns {label: [runs]}."""
    seconds, rounds, warmup = seconds or DURATION, rounds or ROUNDS, WARMUP if warmup is None else warmup
    targets = [(t[0], t[1], t[2], t[3].proc.pid if len(t) > 3 and t[3].proc else None) for t in targets]
    for label, url, script, _ in targets:
        if warmup:
            wrk(url, warmup, connections, script)
    runs = {label: [] for label, _, _, _ in targets}
    for r in range(rounds):
        for label, url, script, pid in targets:
            result = wrk(url, seconds, connections, script, pid)
            runs[label].append(result)
            log(f'  round {r + 1}/{rounds} {label}: {result["rps"]:.0f} req/s p50 {result["p50_ms"]} ms p99 {result["p99_ms"]} ms'
                + (f' non2xx={result["non2xx"]}' if result['non2xx'] else '') + (f' sockerr={result["socket_errors"]}' if result['socket_errors'] else ''))
    return runs


def side_by_side(a, b, seconds=None, rounds=None, warmup=None, connections=CONNECTIONS):
    """a, b: (label, url, server). Loads both servers at the same time, half the connections each, for each round;
    returns {label: [runs]} with each run's CPU time per request. Taking turns, two runs of one server moved by ±15 %
    on this machine as other guests came and went; loaded together, both meet the same conditions, and the same
    build against itself comes out within 1 %: what a cost of a few per cent needs."""
    seconds, rounds, warmup = seconds or DURATION, rounds or ROUNDS, WARMUP if warmup is None else warmup
    half = max(1, connections // 2)

    def together(duration):
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            runs = [pool.submit(wrk, url, duration, half, None, server.proc.pid if server.proc else None) for _, url, server in (a, b)]
            return [r.result() for r in runs]

    if warmup:
        together(warmup)
    runs = {a[0]: [], b[0]: []}
    for r in range(rounds):
        for (label, _, _), result in zip((a, b), together(seconds)):
            runs[label].append(result)
        log(f'  round {r + 1}/{rounds} {a[0]} {runs[a[0]][-1]["rps"]:.0f} req/s {runs[a[0]][-1].get("cpu_us")} µs/req, '
            f'{b[0]} {runs[b[0]][-1]["rps"]:.0f} req/s {runs[b[0]][-1].get("cpu_us")} µs/req')
    return runs


# ---------------------------------------------------------------------------------------------------------------
# figures


FIGURES = []
SKIPPED = []


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def figure(name, unit, a_label, a_values, b_label, b_values, goal_op=None, goal=None, note=None, ratio=None, errors=0):
    """Records a figure: ratio = median(a) / median(b) unless given; pass when the ratio meets the goal."""
    a_median, b_median = median(a_values), median(b_values) if b_values is not None else None
    if ratio is None and a_median is not None and b_median:
        ratio = a_median / b_median
    passed = None
    if goal_op and ratio is not None:
        passed = ratio >= goal if goal_op == '>=' else ratio <= goal
    entry = {
        'name': name, 'unit': unit,
        'a': {'label': a_label, 'runs': a_values, 'median': a_median},
        'b': {'label': b_label, 'runs': b_values, 'median': b_median} if b_label else None,
        'ratio': ratio, 'goal': {'op': goal_op, 'value': goal} if goal_op else None, 'pass': passed,
        'errors': errors, 'note': note,
    }
    FIGURES.append(entry)
    print(format_line(entry), flush=True)
    return entry


def _num(value):
    if value is None:
        return 'n/a'
    if abs(value) >= 1000:
        return f'{value:.0f}'
    if abs(value) >= 10:
        return f'{value:.1f}'
    return f'{value:.3g}' if abs(value) >= 0.01 else f'{value:.4f}'


def format_line(f):
    parts = [f['name'], f'{f["a"]["label"]}={_num(f["a"]["median"])}']
    if f['b']:
        parts.append(f'{f["b"]["label"]}={_num(f["b"]["median"])}')
    if f['ratio'] is not None:
        parts.append(f'ratio={f["ratio"]:.2f}')
    if f['goal']:
        parts.append(f'goal{f["goal"]["op"]}{f["goal"]["value"]:g}')
        parts.append('PASS' if f['pass'] else 'MISS')
    else:
        parts.append('goal=report INFO')
    if f['errors']:
        parts.append(f'errors={f["errors"]}')
    if f['note']:
        parts.append(f'({f["note"]})')
    return ' '.join(parts)


def errors_of(*run_lists):
    return sum(r['non2xx'] + r['socket_errors'] for runs in run_lists for r in runs)


def throughput_figures(group, name, runs, a='adapter', b='baseline', rps_goal=0.90, p99_goal=1.2):
    err = errors_of(runs[a], runs[b])
    figure(f'{name}.rps', 'req/s', a, [r['rps'] for r in runs[a]], b, [r['rps'] for r in runs[b]], '>=', rps_goal, errors=err)
    if p99_goal is not None:
        figure(f'{name}.p99_ms', 'ms', a, [r['p99_ms'] for r in runs[a]], b, [r['p99_ms'] for r in runs[b]], '<=', p99_goal, errors=err)


class Context:
    """What the figures share: the build mode and the published executables."""

    def __init__(self):
        self.aot = None
        self.mode_note = None
        self._exes = {}

    def exe(self, app):
        if app.name not in self._exes:
            self._exes[app.name] = publish(app, self.aot)
        return self._exes[app.name]

    def decide_mode(self):
        """AOT when asked (or auto and the adapter app publishes as AOT), else JIT for every .NET app alike."""
        if AOT in ('0', 'false', 'no', 'jit'):
            self.aot, self.mode_note = False, 'JIT for every .NET app (AOT=0)'
            return
        try:
            publish(ADAPTER, True)
            publish(BASELINE, True)
            self.aot, self.mode_note = True, 'Native AOT for the adapter and the baseline; the stand-in host JIT, like the Functions host'
        except PublishError as error:
            if AOT in ('1', 'true', 'yes', 'aot'):
                raise
            log(f'Native AOT publish failed, so every .NET app runs JIT (like for like):\n{error}')
            self.aot = False
            first = next((line.strip() for line in str(error).splitlines() if 'error' in line), str(error).splitlines()[0])
            self.mode_note = 'JIT for every .NET app: the Native AOT publish of the adapter app failed (' + first[:300] + ')'

    # Every app starts in its own publish folder, as a custom handler starts in the Function App's root: the bare
    # app watches its working directory (its content root) for configuration changes, so a big one slows it down.
    def adapter(self, port, app=None, cwd=None, **env):
        app = app or ADAPTER
        settings = {'PORT': port, 'Cache__Store': 'Memory'}
        settings.update(env)
        exe = self.exe(app)
        return Server(app.name, [exe], port, env=server_env(**settings), cwd=cwd or os.path.dirname(exe))

    def baseline(self, port, routes=0, cwd=None):
        exe = self.exe(BASELINE)
        return Server('baseline', [exe], port, env=server_env(PORT=port, ROUTES=routes), cwd=cwd or os.path.dirname(exe))


def fig_throughput(ctx, groups):
    adapter, baseline = ctx.adapter(free_port()), ctx.baseline(free_port())
    with Servers(adapter, baseline):
        cases = {
            'hello': ('/api/hello', None, 0.90, 1.2),
            'items': ('/api/items/widget-42?q=blue', None, 0.90, 1.2),
            'echo': ('/api/echo', post_script(), 0.90, 1.2),
            'static': ('/api/static', None, 1.0, None),
        }
        for group in [g for g in ('hello', 'items', 'echo', 'static') if g in groups]:
            path, script, rps_goal, p99_goal = cases[group]
            log(f'{group}: {path} adapter vs baseline')
            runs = interleaved([('adapter', adapter.url + path, script), ('baseline', baseline.url + path, script)])
            throughput_figures(group, group, runs, rps_goal=rps_goal, p99_goal=p99_goal)


def fig_tracing(ctx):
    # What the library's spans and metrics add to what any ASP.NET Core app that exports telemetry already records,
    # and what the whole of it costs against nothing listening: once with a bare listener (the least any recording
    # costs) and once with the OpenTelemetry SDK as apps run it (ASP.NET Core's instrumentation, batched export);
    # each with the library's spans alone and with its spans and meters (the defaults), and through the SDK once more
    # with RouteHandlers:HandlerSpans=true (a span per handler run). Costs of a few per cent: each comparison loads
    # its two servers side by side.
    servers = {
        'traced': ctx.adapter(free_port(), BENCH_TELEMETRY='1'),
        'spans': ctx.adapter(free_port(), BENCH_TELEMETRY='spans'),
        'aspnetcore_traced': ctx.adapter(free_port(), BENCH_TELEMETRY='aspnetcore'),
        'untraced': ctx.adapter(free_port()),
        'otel': ctx.adapter(free_port(), app=ADAPTER_OTEL, BENCH_TELEMETRY='otel'),
        'otel_spans': ctx.adapter(free_port(), app=ADAPTER_OTEL, BENCH_TELEMETRY='otel-spans'),
        'otel_handler_spans': ctx.adapter(free_port(), app=ADAPTER_OTEL, BENCH_TELEMETRY='otel', RouteHandlers__HandlerSpans='true'),
        'otel_aspnetcore': ctx.adapter(free_port(), app=ADAPTER_OTEL, BENCH_TELEMETRY='otel-aspnetcore'),
    }
    comparisons = [
        # name, a, b, goal, note
        ('tracing', 'traced', 'aspnetcore_traced', 0.95,
         "the library's spans and metrics on top of ASP.NET Core's, both recorded by an in-process listener (no export)"),
        ('tracing.spans', 'spans', 'aspnetcore_traced', 0.95, "as tracing with the library's spans only: its meters not listened to"),
        ('tracing.otel', 'otel', 'otel_aspnetcore', 0.95,
         "the same through the OpenTelemetry SDK: ASP.NET Core's instrumentation plus the library's source and meters vs the "
         "instrumentation alone, every span batched to an exporter that reads it, metrics read every second"),
        ('tracing.otel.spans', 'otel_spans', 'otel_aspnetcore', 0.95, "as tracing.otel with the library's source added to the SDK and not its meters"),
        ('tracing.otel.handler_spans', 'otel_handler_spans', 'otel_aspnetcore', None,
         'as tracing.otel with RouteHandlers:HandlerSpans=true: a span per handler run under the request span, as Next.js records it'),
        ('tracing.total', 'traced', 'untraced', None, 'everything recorded by the listener vs nothing listening'),
    ]
    with Servers(*servers.values()):
        for name, a, b, goal, note in comparisons:
            log(f'tracing: /api/hello, {a} and {b} side by side')
            runs = side_by_side((a, servers[a].url + '/api/hello', servers[a]), (b, servers[b].url + '/api/hello', servers[b]))
            err = errors_of(*runs.values())
            rps = {k: [r['rps'] for r in v] for k, v in runs.items()}
            cpu = {k: [r.get('cpu_us') for r in v] for k, v in runs.items()}
            figure(f'{name}.rps', 'req/s', a, rps[a], b, rps[b], '>=' if goal else None, goal, errors=err,
                   note=note + '; the two loaded side by side, half the connections each')
            # The server's CPU time per request: the inverse of throughput for a server that keeps its core busy.
            figure(f'{name}.cpu_us', 'µs/req', a, cpu[a], b, cpu[b], errors=err, note=f"as {name}.rps, the server's CPU time per request (user + system, from /proc)")


def fig_routing(ctx):
    log(f'routing: build time of the {ROUTES_LARGE}-route app')
    if ROUTES_LARGE >= 5_000:
        log(f'routing: building a {ROUTES_LARGE}-route app takes many minutes and GBs of memory with the current generator')
    large_s, large_mb = measure_build_time(ROUTES_LARGE)
    small_s, small_mb = measure_build_time(ROUTES_SMALL)
    memory = f'; peak memory of the build {large_mb:.0f} MB vs {small_mb:.0f} MB' if large_mb and small_mb else ''
    figure('routing.build_s', 's', f'adapter_{ROUTES_LARGE}', [large_s], f'adapter_{ROUTES_SMALL}', [small_s],
           note=f'dotnet build -c Release from clean obj/, adapter prebuilt, compiler out of process{memory}')
    small, large = scale_app(ROUTES_SMALL), scale_app(ROUTES_LARGE)
    a = ctx.adapter(free_port(), app=large)
    b = ctx.adapter(free_port(), app=small)
    with Servers(a, b):
        runs = interleaved([(f'adapter_{ROUTES_LARGE}', f'{a.url}/r/{ROUTES_LARGE - 1}/items/42', None),
                            (f'adapter_{ROUTES_SMALL}', f'{b.url}/r/{ROUTES_SMALL - 1}/items/42', None)])
    la, lb = f'adapter_{ROUTES_LARGE}', f'adapter_{ROUTES_SMALL}'
    figure('routing.rps', 'req/s', la, [r['rps'] for r in runs[la]], lb, [r['rps'] for r in runs[lb]], '>=', 0.95,
           errors=errors_of(runs[la], runs[lb]), note='request to the last generated route')


# -- blob cache on Azurite


AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='  # Azurite's public development key


def start_azurite():
    """Installs azurite@AZURITE_VERSION into .tools/azurite (as the tests do, under their lock) and starts it in memory on free ports."""
    if not shutil.which('node') or not shutil.which('npm'):
        raise SkipFigure('node/npm not found (Azurite is an npm package)')
    folder = os.path.join(ROOT, '.tools', 'azurite')
    entry = os.path.join(folder, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js')
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, '.install.lock'), 'a+') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(entry):
            log(f'installing azurite@{AZURITE_VERSION} into .tools/azurite...')
            ok, _, tail = run(['npm', 'install', '--no-audit', '--no-fund', '--no-save', '--prefix', folder, f'azurite@{AZURITE_VERSION}'],
                              cwd=folder, log_name='npm-azurite', timeout=600)
            if not ok or not os.path.exists(entry):
                raise SkipFigure(f'installing azurite@{AZURITE_VERSION} failed: {tail.splitlines()[-1] if tail else "no output"}')
    blob, table, queue = free_port(), free_port(), free_port()
    proc = spawn(['node', entry, '--blobHost', '127.0.0.1', '--blobPort', str(blob), '--tableHost', '127.0.0.1', '--tablePort', str(table),
                  '--queueHost', '127.0.0.1', '--queuePort', str(queue), '--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--silent'],
                 cwd=folder, cpus=WRK_CPUS, log_name='azurite')
    deadline = time.time() + 30
    while not (port_open(blob) and port_open(table)):
        if proc.poll() is not None or time.time() > deadline:
            stop(proc)
            raise SkipFigure('Azurite did not start; see bench/.work/logs/azurite.log')
        time.sleep(0.1)
    connection = (f'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};'
                  f'BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;')
    return proc, connection


class SkipFigure(Exception):
    pass


def stats(server):
    status, body = http_get(server.port, '/bench/stats')
    if status != 200:
        raise RuntimeError(f'/bench/stats answered {status}')
    return json.loads(body)


def prefill(server, keys, workers=8):
    """GETs /products/1..keys once each (renders and stores every entry); returns how many did not answer 200."""
    local = threading.local()

    def get(i):
        if not hasattr(local, 'conn'):
            local.conn = http.client.HTTPConnection('127.0.0.1', server.port, timeout=30)
        try:
            local.conn.request('GET', f'/products/{i}')
            response = local.conn.getresponse()
            response.read()
            return response.status == 200
        except (OSError, http.client.HTTPException):
            local.conn.close()
            del local.conn
            return False

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return sum(1 for ok in pool.map(get, range(1, keys + 1)) if not ok)


def fig_blob(ctx):
    azurite, connection = start_azurite()
    try:
        blob = {'Cache__Store': 'AzureBlob', 'Cache__AzureBlob__ConnectionString': connection, 'BENCH_CACHE_STATS': '1'}
        # 1. An L1 miss served from Azurite: an L1 of one byte holds nothing, so every request reads the blob;
        #    measured against the same path answered from a normal L1, one request at a time.
        miss = ctx.adapter(free_port(), **blob, Cache__Memory__SizeLimitBytes=1)
        miss.name = 'adapter-l1-miss'
        hit = ctx.adapter(free_port(), **blob)
        hit.name = 'adapter-l1-hit'
        with Servers(miss, hit):
            for server in (miss, hit):
                http_get(server.port, '/products/7')
            before = stats(miss)
            log('blob: L1 miss (read from Azurite) vs L1 hit, /products/7, 1 connection')
            runs = interleaved([('l1_miss', miss.url + '/products/7', None), ('l1_hit', hit.url + '/products/7', None)], connections=1)
            after = stats(miss)
        reads = _op_delta(before, after, 'read')
        err = errors_of(runs['l1_miss'], runs['l1_hit'])
        read_note = f'store reads during the miss runs {reads[0]}, mean {reads[1]:.2f} ms' if reads[0] else 'no store reads counted'
        figure('blob.l1_miss.p50_ms', 'ms', 'l1_miss', [r['p50_ms'] for r in runs['l1_miss']], 'l1_hit', [r['p50_ms'] for r in runs['l1_hit']],
               errors=err, note=read_note)
        figure('blob.l1_miss.p99_ms', 'ms', 'l1_miss', [r['p99_ms'] for r in runs['l1_miss']], 'l1_hit', [r['p99_ms'] for r in runs['l1_hit']], errors=err)

        # 2. L1 hit ratio under a Zipf key mix: every key stored in Azurite first, an L1 with room for about a tenth
        #    of them; a request that reads no blob is an L1 hit.
        entry_bytes = 1700  # ~ CacheEntry.ApproximateSize of one product: 0.95 KB body, headers and tags counted twice, 128
        budget = ZIPF_KEYS // 10 * entry_bytes
        zipf = ctx.adapter(free_port(), **blob, Cache__Memory__SizeLimitBytes=budget, Cache__BuildId='zipf')
        zipf.name = 'adapter-zipf'
        with Servers(zipf):
            log(f'blob: storing {ZIPF_KEYS} products in Azurite...')
            started = time.perf_counter()
            failed = prefill(zipf, ZIPF_KEYS)
            log(f'  stored in {time.perf_counter() - started:.1f}s ({failed} failed)')
            script = zipf_script(ZIPF_KEYS)
            wrk(zipf.url + '/', max(WARMUP, 2), CONNECTIONS, script)
            before = stats(zipf)
            load = wrk(zipf.url + '/', DURATION, CONNECTIONS, script)
            after = stats(zipf)
        lookups = sum(after['lookups'].values()) - sum(before['lookups'].values())
        reads, read_mean = _op_delta(before, after, 'read')
        ratio = 1 - reads / lookups if lookups else None
        note = (f'Zipf s={ZIPF_EXPONENT:g} over {ZIPF_KEYS} ids, L1 {budget // 1024} KiB (~{ZIPF_KEYS // 10} entries), '
                f'{lookups} lookups, {reads} blob reads (mean {read_mean:.2f} ms), {load["rps"]:.0f} req/s p99 {_num(load["p99_ms"])} ms')
        figure('blob.zipf.l1_hit_ratio', 'ratio', 'l1_hits', [lookups - reads], 'lookups', [lookups], ratio=ratio,
               errors=load['non2xx'] + load['socket_errors'] + failed, note=note)
    finally:
        stop(azurite)


def _op_delta(before, after, operation):
    a = after['store'].get(operation, {'count': 0, 'totalMs': 0})
    b = before['store'].get(operation, {'count': 0, 'totalMs': 0})
    count = a['count'] - b['count']
    return count, ((a['totalMs'] - b['totalMs']) / count if count else 0.0)


# -- cold start and memory


def status_kb(pid, key):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith(key + ':'):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cold_start_once(server, timeout=60):
    """Milliseconds from spawn to the first 200 on server.ready_path (polled about every millisecond)."""
    deadline = time.time() + 10
    while port_open(server.port):
        if time.time() > deadline:
            raise RuntimeError(f'port {server.port} is still in use')
        time.sleep(0.02)
    started = time.perf_counter()
    proc = spawn(server.argv, env=server.env, cwd=server.cwd)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f'{server.name} exited with {proc.returncode} during a cold start')
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f'{server.name}: no 200 within {timeout}s')
            try:
                status, _ = http_get(server.port, server.ready_path, timeout=timeout)
                if status == 200:
                    return (time.perf_counter() - started) * 1000
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.001)
    finally:
        stop(proc)


def big_folder():
    path = os.path.join(WORK, 'bigdir')
    marker = os.path.join(path, f'.{BIGDIR_FOLDERS}')
    if not os.path.exists(marker):
        for i in range(BIGDIR_FOLDERS):
            os.makedirs(os.path.join(path, f'd{i:04d}'), exist_ok=True)
        _write(marker, 'folders for the cold-start figure')
    return path


def fig_coldstart(ctx):
    big = big_folder()
    variants = [
        ('baseline', ctx.baseline(free_port())),
        ('adapter', ctx.adapter(free_port(), app=ADAPTER_LOCAL)),
        ('adapter_azure', ctx.adapter(free_port())),
        (f'adapter_{ROUTES_COLD}', ctx.adapter(free_port(), app=scale_app(ROUTES_COLD, WITHOUT_AZURE))),
        ('adapter_bigdir', ctx.adapter(free_port(), app=ADAPTER_LOCAL, cwd=big)),
        ('baseline_bigdir', ctx.baseline(free_port(), cwd=big)),
    ]
    log(f'coldstart: {COLD_RUNS} interleaved runs of {len(variants)} variants (+1 untimed each)')
    for _, server in variants:
        cold_start_once(server)
    times = {label: [] for label, _ in variants}
    for _ in range(COLD_RUNS):
        for label, server in variants:
            times[label].append(cold_start_once(server))
    note = f'spawn to first 200 on /api/hello, {COLD_RUNS} runs, {"AOT" if ctx.aot else "JIT"}'
    figure('coldstart.ms', 'ms', 'adapter', times['adapter'], 'baseline', times['baseline'], '<=', 1.3,
           note=note + ', built with RouteHandlersAzureServices=false')
    figure('coldstart_azure.ms', 'ms', 'adapter_azure', times['adapter_azure'], 'baseline', times['baseline'],
           note='as coldstart.ms, built with the Azure service clients (the default; the blob store and Front Door purge need them)')
    # The performance issue's goal for the 1,000-route app: 1.4 times the bare app's start (1.3 for the sample's).
    figure(f'coldstart_{ROUTES_COLD}.ms', 'ms', f'adapter_{ROUTES_COLD}', times[f'adapter_{ROUTES_COLD}'], 'baseline', times['baseline'], '<=', 1.4)
    figure('coldstart_bigdir.ms', 'ms', 'adapter_bigdir', times['adapter_bigdir'], 'baseline', times['baseline'], '<=', 1.3,
           note=f'cwd holds {BIGDIR_FOLDERS} folders')
    figure('coldstart_bigdir_bare.ms', 'ms', 'baseline_bigdir', times['baseline_bigdir'], 'baseline', times['baseline'],
           note='the bare app watches its content root, the cwd')


def fig_memory(ctx):
    variants = [('adapter', ctx.adapter(free_port(), app=ADAPTER_LOCAL)), ('adapter_azure', ctx.adapter(free_port())),
                ('baseline', ctx.baseline(free_port()))]
    hwm = {label: [] for label, _ in variants}
    log(f'memory: VmHWM after {MEM_LOAD}s of load on /api/hello, {MEM_RUNS} interleaved runs')
    for _ in range(MEM_RUNS):
        for label, server in variants:
            with Servers(server):
                wrk(server.url + '/api/hello', max(1, WARMUP), CONNECTIONS)
                load = wrk(server.url + '/api/hello', MEM_LOAD, CONNECTIONS)
                hwm[label].append(status_kb(server.proc.pid, 'VmHWM') / 1024)
                log(f'  {label}: VmHWM {hwm[label][-1]:.1f} MB, VmRSS {status_kb(server.proc.pid, "VmRSS") / 1024:.1f} MB, {load["rps"]:.0f} req/s')
    figure('memory.hwm_mb', 'MB', 'adapter', hwm['adapter'], 'baseline', hwm['baseline'], '<=', 1.2,
           note=f'peak resident memory after {MEM_LOAD}s of load, {"AOT" if ctx.aot else "JIT"}, built with RouteHandlersAzureServices=false')
    figure('memory_azure.hwm_mb', 'MB', 'adapter_azure', hwm['adapter_azure'], 'baseline', hwm['baseline'],
           note='as memory.hwm_mb, built with the Azure service clients (the default)')
    if ctx.aot:
        # What the memory follows: the executable's pages (code, data, and the data rehydrated at every start).
        sizes = {label: os.path.getsize(server.argv[0]) / 1048576 for label, server in variants}
        figure('binary_mb', 'MB', 'adapter', [sizes['adapter']], 'baseline', [sizes['baseline']],
               note='size of the Native AOT executable, built with RouteHandlersAzureServices=false')
        figure('binary_azure_mb', 'MB', 'adapter_azure', [sizes['adapter_azure']], 'baseline', [sizes['baseline']],
               note='size of the Native AOT executable, built with the Azure service clients (the default)')


def fig_scale(ctx):
    """Cold start, peak memory and throughput against the number of routes: the adapter with N generated route files
    against the bare app mapping the same N minimal-API routes, at each size of SCALE_SIZES. Writes results/scale.svg."""
    adapters = {n: ctx.adapter(free_port(), app=scale_app(n)) for n in SCALE_SIZES}
    baselines = {n: ctx.baseline(free_port(), routes=n) for n in SCALE_SIZES}
    log(f'scale: {SCALE_COLD_RUNS} interleaved cold starts per size and side at {", ".join(map(str, SCALE_SIZES))} routes')
    for server in [*adapters.values(), *baselines.values()]:
        cold_start_once(server)
    cold = {(side, n): [] for side in ('adapter', 'baseline') for n in SCALE_SIZES}
    for _ in range(SCALE_COLD_RUNS):
        for n in SCALE_SIZES:
            cold[('adapter', n)].append(cold_start_once(adapters[n]))
            cold[('baseline', n)].append(cold_start_once(baselines[n]))
    log(f'scale: peak memory and throughput on the last route, {SCALE_RUNS} interleaved runs of {DURATION}s per size and side')
    hwm = {key: [] for key in cold}
    rps = {key: [] for key in cold}
    errors = 0
    for _ in range(SCALE_RUNS):
        for n in SCALE_SIZES:
            for side, server in (('adapter', adapters[n]), ('baseline', baselines[n])):
                path = f'/r/{n - 1}/items/42'
                with Servers(server):
                    wrk(server.url + path, max(1, WARMUP // 2), CONNECTIONS)
                    load = wrk(server.url + path, DURATION, CONNECTIONS)
                    hwm[(side, n)].append(status_kb(server.proc.pid, 'VmHWM') / 1024)
                    rps[(side, n)].append(load['rps'])
                    errors += load['non2xx'] + load['socket_errors']
                log(f'  {side} {n}: {load["rps"]:.0f} req/s, VmHWM {hwm[(side, n)][-1]:.1f} MB')
    mode = 'AOT' if ctx.aot else 'JIT'
    for n in SCALE_SIZES:
        # Reported only: the goals are against the bare app of the sample's size (coldstart_1000.ms); these compare like sizes.
        figure(f'scale_{n}.coldstart_ms', 'ms', f'adapter_{n}', cold[('adapter', n)], f'baseline_{n}', cold[('baseline', n)],
               note=f'spawn to first 200 on /api/hello with {n} routes on both sides, {SCALE_COLD_RUNS} runs, {mode}')
        figure(f'scale_{n}.hwm_mb', 'MB', f'adapter_{n}', hwm[('adapter', n)], f'baseline_{n}', hwm[('baseline', n)],
               note=f'peak resident memory after {DURATION}s of load on the last route')
        figure(f'scale_{n}.rps', 'req/s', f'adapter_{n}', rps[('adapter', n)], f'baseline_{n}', rps[('baseline', n)], errors=errors,
               note=f'GET /r/{n - 1}/items/42, the last of the {n} routes')


SCALE_CHARTS = {
    'scale': ('Cost against the number of routes: adapter vs bare ASP.NET Core with as many routes ({mode}, medians)',
              'blue: adapter (app/**/route.cs) · grey: bare minimal API (MapGet per route)',
              (('adapter', 'a', '#1565c0'), ('baseline', 'b', '#9e9e9e'))),
    'workerscale': ('Cost against the number of routes: the isolated worker (ReadyToRun, through the stand-in host, medians)',
                    'the adapter\'s catch-all function with N route files',
                    (('worker', 'a', '#2e7d32'),)),
}


def scale_svg(figures, mode, date, prefix='scale'):
    """Three panels (cold start, peak memory, throughput) against the route count on a log axis, from the
    {prefix}_N.* figures: the adapter and the bare app (scale), or the worker alone (workerscale)."""
    by_name = {f['name']: f for f in figures}
    sizes = sorted(int(m.group(1)) for m in (re.match(prefix + r'_(\d+)\.rps$', f['name']) for f in figures) if m)
    if not sizes:
        return None
    title, legend, sides = SCALE_CHARTS[prefix]
    colors = {side: color for side, _, color in sides}

    def series(metric):
        return {(side, n): by_name[f'{prefix}_{n}.{metric}'][key]['runs']
                for n in sizes for side, key, _ in sides if f'{prefix}_{n}.{metric}' in by_name}

    cold, hwm, rps = series('coldstart_ms'), series('hwm_mb'), series('rps')
    panel_w, panel_h, gap, left, top = 300, 200, 70, 60, 80
    width, height = left + 3 * panel_w + 2 * gap + 20, top + panel_h + 80
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">{_esc(title.format(mode=mode))}</text>',
           f'<text x="10" y="40" fill="#555">{_esc(date[:10] + " · " + legend)}</text>']
    lo, hi = math.log10(sizes[0]), math.log10(sizes[-1])
    for p, (title, data) in enumerate((('cold start (ms)', cold), ('peak memory (MB)', hwm), ('throughput (req/s)', rps))):
        x0 = left + p * (panel_w + gap)
        values = [median(v) for v in data.values() if v]
        top_value = max(values) * 1.15 if values else 1

        def px(n):
            return x0 + (panel_w * (math.log10(n) - lo) / (hi - lo) if hi > lo else panel_w / 2)

        def py(v):
            return top + panel_h - panel_h * v / top_value

        svg.append(f'<text x="{x0}" y="{top - 8}" font-weight="bold">{_esc(title)}</text>')
        svg.append(f'<line x1="{x0}" y1="{top + panel_h}" x2="{x0 + panel_w}" y2="{top + panel_h}" stroke="#999"/>')
        svg.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{top + panel_h}" stroke="#999"/>')
        for tick in (0, top_value / 2, top_value):
            svg.append(f'<text x="{x0 - 6}" y="{py(tick) + 4:.1f}" text-anchor="end" fill="#555">{tick:,.0f}</text>')
        for n in sizes:
            svg.append(f'<text x="{px(n):.1f}" y="{top + panel_h + 16}" text-anchor="middle" fill="#555">{n:,}</text>')
        for side, color in colors.items():
            points = [(px(n), py(median(data[(side, n)]))) for n in sizes if data.get((side, n))]
            svg.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>')
            for x, y in points:
                svg.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
        svg.append(f'<text x="{x0 + panel_w / 2}" y="{top + panel_h + 34}" text-anchor="middle" fill="#555">routes</text>')
    svg.append('</svg>')
    return '\n'.join(svg) + '\n'


# -- the Functions host's proxy hop


def fig_hop(ctx):
    adapter, baseline = ctx.adapter(free_port()), ctx.baseline(free_port())
    host = os.path.join(publish_worker(WORKERHOST, 'jit'), 'WorkerHost.dll')
    pa, pb = free_port(), free_port()
    proxy_a = Server('hostproxy-adapter', ['dotnet', host, 'proxy', str(pa), adapter.url], pa, env=server_env())
    proxy_b = Server('hostproxy-baseline', ['dotnet', host, 'proxy', str(pb), baseline.url], pb, env=server_env())
    targets = [('adapter', adapter.url + '/api/hello', None), ('adapter_proxied', f'http://127.0.0.1:{pa}/api/hello', None),
               ('baseline', baseline.url + '/api/hello', None), ('baseline_proxied', f'http://127.0.0.1:{pb}/api/hello', None)]
    with Servers(adapter, baseline, proxy_a, proxy_b):
        log(f'hop: /api/hello direct and through the YARP forwarder (app and proxy share the server core), {CONNECTIONS} connections')
        runs = interleaved(targets, warmup=max(WARMUP, 3))  # the proxy runs JIT: give it time to tier up
        log('hop: the same, one connection (the latency one request pays for the hop)')
        single = interleaved(targets, warmup=0, connections=1)
    rps = {k: [r['rps'] for r in v] for k, v in runs.items()}
    p50 = {k: [r['p50_ms'] for r in v] for k, v in single.items()}
    err = errors_of(*runs.values(), *single.values())
    for side in ('adapter', 'baseline'):
        figure(f'hop.{side}.rps', 'req/s', f'{side}_proxied', rps[f'{side}_proxied'], side, rps[side], errors=err,
               note=f'{CONNECTIONS} connections')
        added = median(p50[f'{side}_proxied']) - median(p50[side])
        figure(f'hop.{side}.p50_ms', 'ms', f'{side}_proxied', p50[f'{side}_proxied'], side, p50[side], errors=err,
               note=f'one connection: the hop adds {added:.3f} ms')
    figure('hop.proxied.rps', 'req/s', 'adapter_proxied', rps['adapter_proxied'], 'baseline_proxied', rps['baseline_proxied'], errors=err,
           note='adapter vs bare, both behind the proxy')


# -- the isolated worker behind the (stand-in) Functions host


def worker_server(name, app_dir, port, **settings):
    """bench/WorkerHost serving the worker in app_dir on port; the worker's pid is in its READY line (see worker_pid)."""
    host = os.path.join(publish_worker(WORKERHOST, 'jit'), 'WorkerHost.dll')
    argv = ['dotnet', host, 'serve', app_dir, str(port)] + [f'{k}={v}' for k, v in settings.items()]
    return Server(name, argv, port, env=server_env(), cwd=app_dir)


def worker_pid(server):
    with open(server.log_path(), errors='replace') as f:
        ready = [line.split() for line in f if line.startswith('READY ')]
    if not ready:
        raise RuntimeError(f'{server.name} printed no READY line; see {server.log_path()}')
    return int(ready[-1][2])


def worker_cold_start_once(app_dir, path='/api/hello', expect_cache=None, **settings):
    """Milliseconds from spawning the worker to its first 200 on path through an already listening host; with
    expect_cache, that response's x-nextjs-cache must be it."""
    host = os.path.join(publish_worker(WORKERHOST, 'jit'), 'WorkerHost.dll')
    argv = ['taskset', '-c', SERVER_CPUS, 'dotnet', host, 'coldstart', app_dir, path] + [f'{k}={v}' for k, v in settings.items()]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=server_env(), cwd=app_dir, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError(f'WorkerHost coldstart {app_dir} failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-300:]}')
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    if expect_cache and answer.get('cache') != expect_cache:
        raise RuntimeError(f'WorkerHost coldstart {app_dir} {path}: x-nextjs-cache {answer.get("cache")}, expected {expect_cache}')
    return answer['ms']


def fig_prerender(ctx):
    """A later instance of a build takes the startup prerender's route state from the shared store (the record the
    first instance left) instead of prerendering again, so its start must not grow with the number of prerendered
    paths: instances with 10 and 1,000 prerendered ids of /products/[id], on one file-system store each, the
    isolated worker (ReadyToRun, through the stand-in host) and the AOT custom handler. Each start is timed to its
    first 200 on /products/1, which on a later instance must be a HIT. The first instance, which prerenders, is
    timed too, on an emptied store each time."""
    worker = publish_worker(BENCHWORKER, 'r2r')
    sizes = (10, PRERENDER_PATHS)
    folders = {(mode, n): os.path.join(WORK, f'prerender-{mode}-{n}') for mode in ('worker', 'aot') for n in sizes}

    def settings(mode, n):
        return {'Cache__Store': 'FileSystem', 'Cache__FileSystem__Path': folders[(mode, n)], 'BENCH_PRERENDER_PATHS': n}

    servers = {}
    if ctx.aot:
        for n in sizes:
            servers[n] = ctx.adapter(free_port(), app=ADAPTER_LOCAL, **settings('aot', n))
            servers[n].ready_path = '/products/1'

    def start(mode, n, expect_cache=None):
        if mode == 'worker':
            return worker_cold_start_once(worker, '/products/1', expect_cache, **settings(mode, n))
        ms = cold_start_once(servers[n])
        if expect_cache:
            with Servers(servers[n]):
                conn = http.client.HTTPConnection('127.0.0.1', servers[n].port, timeout=10)
                conn.request('GET', '/products/1')
                answer = conn.getresponse()
                answer.read()
                cache = answer.getheader('x-nextjs-cache')
                conn.close()
            if cache != expect_cache:
                raise RuntimeError(f'aot /products/1 on a later instance: x-nextjs-cache {cache}, expected {expect_cache}')
        return ms

    modes = ['worker'] + (['aot'] if ctx.aot else [])
    log(f'prerender: {PRERENDER_FIRST_RUNS} first and {COLD_RUNS} later starts with {" and ".join(map(str, sizes))} prerendered paths, {", ".join(modes)}')
    first = {(m, n): [] for m in modes for n in sizes}
    later = {(m, n): [] for m in modes for n in sizes}
    for _ in range(PRERENDER_FIRST_RUNS):
        for m in modes:
            for n in sizes:
                shutil.rmtree(folders[(m, n)], ignore_errors=True)
                first[(m, n)].append(start(m, n))
    for m in modes:
        for n in sizes:
            start(m, n, expect_cache='HIT')  # untimed, and the check that the record is used
    for _ in range(COLD_RUNS):
        for m in modes:
            for n in sizes:
                later[(m, n)].append(start(m, n))
    big = PRERENDER_PATHS
    for m, label in (('worker', 'the isolated worker (ReadyToRun) through the stand-in host'), ('aot', 'the AOT custom handler, built with RouteHandlersAzureServices=false')):
        if m not in modes:
            continue
        figure(f'prerender.{m}.later_{big}.ms', 'ms', f'{m}_later_{big}', later[(m, big)], f'{m}_later_10', later[(m, 10)], '<=', 1.1,
               note=f'a later instance of the build with {big} vs 10 prerendered paths, spawn to first 200 (a HIT) on /products/1, {label}; 1.1 for "not slower" within the noise')
        figure(f'prerender.{m}.first_{big}.ms', 'ms', f'{m}_first_{big}', first[(m, big)], f'{m}_first_10', first[(m, 10)],
               note=f'the first instance, which prerenders {big} vs 10 paths into an empty store, {label}')


def fig_worker(ctx):
    adapter_r2r, bare_r2r = publish_worker(BENCHWORKER, 'r2r'), publish_worker(BAREWORKER, 'r2r')
    adapter_jit, bare_jit = publish_worker(BENCHWORKER, 'jit'), publish_worker(BAREWORKER, 'jit')
    memory = {'Cache__Store': 'Memory'}

    # 1. Throughput and latency through the host: the adapter's catch-all function vs a bare function, ReadyToRun.
    a = worker_server('worker-adapter', adapter_r2r, free_port(), **memory)
    b = worker_server('worker-bare', bare_r2r, free_port())
    with Servers(a, b):
        log('worker: /api/hello through the stand-in Functions host, adapter catch-all vs bare function (ReadyToRun)')
        runs = interleaved([('worker_adapter', a.url + '/api/hello', None), ('worker_bare', b.url + '/api/hello', None)], warmup=max(WARMUP, 3))
    throughput_figures('worker', 'worker.hello', runs, a='worker_adapter', b='worker_bare', rps_goal=0.90, p99_goal=1.2)

    # 2. Cold start: spawn of the worker to its first 200 through a listening host; the AOT custom handler, spawned
    #    directly with its port, beside them (no host hop: the host polls it until it answers).
    variants = [('worker_adapter_jit', lambda: worker_cold_start_once(adapter_jit, **memory)),
                ('worker_bare_jit', lambda: worker_cold_start_once(bare_jit)),
                ('worker_adapter_r2r', lambda: worker_cold_start_once(adapter_r2r, **memory)),
                ('worker_bare_r2r', lambda: worker_cold_start_once(bare_r2r))]
    custom = ctx.adapter(free_port()) if ctx.aot else None
    if custom:
        variants.append(('custom_handler_aot', lambda: cold_start_once(custom)))
    log(f'worker: cold start, {COLD_RUNS} interleaved runs of {len(variants)} variants (+1 untimed each)')
    for _, once in variants:
        once()
    times = {label: [] for label, _ in variants}
    for _ in range(COLD_RUNS):
        for label, once in variants:
            times[label].append(once())
    note = f'spawn to first 200 on /api/hello through the stand-in host, {COLD_RUNS} runs'
    figure('worker.coldstart_jit.ms', 'ms', 'worker_adapter_jit', times['worker_adapter_jit'], 'worker_bare_jit', times['worker_bare_jit'], '<=', 1.2, note=note + ', JIT')
    figure('worker.coldstart_r2r.ms', 'ms', 'worker_adapter_r2r', times['worker_adapter_r2r'], 'worker_bare_r2r', times['worker_bare_r2r'], '<=', 1.2, note=note + ', ReadyToRun')
    figure('worker.r2r_vs_jit.ms', 'ms', 'worker_adapter_r2r', times['worker_adapter_r2r'], 'worker_adapter_jit', times['worker_adapter_jit'], note='what ReadyToRun saves')
    if custom:
        figure('worker.custom_handler_vs_r2r.ms', 'ms', 'custom_handler_aot', times['custom_handler_aot'], 'worker_adapter_r2r', times['worker_adapter_r2r'],
               note='the AOT custom handler spawned directly (spawn to first 200) vs the ReadyToRun worker through the host')

    # 3. Peak memory of the worker process after load through the host, and of the AOT custom handler after the same load.
    hwm = {'worker_adapter_r2r': [], 'worker_bare_r2r': [], 'custom_handler_aot': []}
    log(f'worker: VmHWM after {MEM_LOAD}s of load on /api/hello, {MEM_RUNS} interleaved runs')
    for _ in range(MEM_RUNS):
        for label, server in (('worker_adapter_r2r', worker_server('worker-adapter', adapter_r2r, free_port(), **memory)),
                              ('worker_bare_r2r', worker_server('worker-bare', bare_r2r, free_port())),
                              ('custom_handler_aot', ctx.adapter(free_port()) if ctx.aot else None)):
            if server is None:
                continue
            with Servers(server):
                pid = server.proc.pid if label == 'custom_handler_aot' else worker_pid(server)
                wrk(server.url + '/api/hello', max(1, WARMUP), CONNECTIONS)
                wrk(server.url + '/api/hello', MEM_LOAD, CONNECTIONS)
                hwm[label].append(status_kb(pid, 'VmHWM') / 1024)
                log(f'  {label}: VmHWM {hwm[label][-1]:.1f} MB')
    figure('worker.memory.hwm_mb', 'MB', 'worker_adapter_r2r', hwm['worker_adapter_r2r'], 'worker_bare_r2r', hwm['worker_bare_r2r'], '<=', 1.2,
           note='the worker process, not the host')
    if hwm['custom_handler_aot']:
        figure('worker.memory_custom_handler.hwm_mb', 'MB', 'custom_handler_aot', hwm['custom_handler_aot'], 'worker_adapter_r2r', hwm['worker_adapter_r2r'],
               note='the AOT custom handler vs the ReadyToRun worker, after the same load')


def fig_workerscale(ctx):
    """The isolated worker's side of the scale figures: the adapter's ReadyToRun worker with N generated route files,
    through the stand-in host, at each size of SCALE_SIZES, against itself at the smallest size (there is no bare
    worker with N functions to compare with): cold start, the worker's peak memory and throughput on the last route."""
    folders = {}
    for n in SCALE_SIZES:
        app = scale_worker_app(n)
        folders[n] = publish_worker_from(app, 'r2r', inputs=app.inputs() + [os.path.join(WORK, f'scale-{n}', 'app')] + FUNCTIONS_INPUTS)
    memory = {'Cache__Store': 'Memory'}
    log(f'workerscale: {SCALE_COLD_RUNS} interleaved cold starts through the host at {", ".join(map(str, SCALE_SIZES))} routes (ReadyToRun)')
    for n in SCALE_SIZES:
        worker_cold_start_once(folders[n], **memory)
    cold = {n: [] for n in SCALE_SIZES}
    for _ in range(SCALE_COLD_RUNS):
        for n in SCALE_SIZES:
            cold[n].append(worker_cold_start_once(folders[n], **memory))
    hwm = {n: [] for n in SCALE_SIZES}
    rps = {n: [] for n in SCALE_SIZES}
    errors = 0
    log(f'workerscale: peak memory and throughput on the last route through the host, {SCALE_RUNS} runs of {DURATION}s per size')
    for _ in range(SCALE_RUNS):
        for n in SCALE_SIZES:
            server = worker_server(f'worker-{n}', folders[n], free_port(), **memory)
            path = f'/r/{n - 1}/items/42'
            with Servers(server):
                pid = worker_pid(server)
                wrk(server.url + path, max(2, WARMUP // 2), CONNECTIONS)
                load = wrk(server.url + path, DURATION, CONNECTIONS)
                hwm[n].append(status_kb(pid, 'VmHWM') / 1024)
                rps[n].append(load['rps'])
                errors += load['non2xx'] + load['socket_errors']
            log(f'  worker {n}: {load["rps"]:.0f} req/s, VmHWM {hwm[n][-1]:.1f} MB')
    small = SCALE_SIZES[0]
    for n in SCALE_SIZES:
        figure(f'workerscale_{n}.coldstart_ms', 'ms', f'worker_{n}', cold[n], f'worker_{small}', cold[small],
               note=f'spawn of the ReadyToRun worker with {n} routes to its first 200 on /api/hello through the stand-in host, {SCALE_COLD_RUNS} runs')
        figure(f'workerscale_{n}.hwm_mb', 'MB', f'worker_{n}', hwm[n], f'worker_{small}', hwm[small], note='the worker process, after the load')
        figure(f'workerscale_{n}.rps', 'req/s', f'worker_{n}', rps[n], f'worker_{small}', rps[small], errors=errors,
               note=f'GET /r/{n - 1}/items/42 through the host')


# -- next start


def fig_next(ctx):
    folder = os.path.join(BENCH, 'next-app')
    if not shutil.which('node') or not shutil.which('npm'):
        raise SkipFigure('node/npm not found')
    env = server_env(NEXT_TELEMETRY_DISABLED=1)
    next_bin = os.path.join(folder, 'node_modules', '.bin', 'next')
    if not os.path.exists(next_bin):
        log('next: npm ci...')
        ok, _, tail = run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=folder, log_name='npm-ci-next', timeout=900, env=env)
        if not ok:
            # Some npm versions refuse the lock file over optional platform packages (@next/swc-*) it does not
            # list; `npm install` resolves the same versions from the lock file and adds them.
            log('next: npm ci refused the lock file; npm install...')
            ok, _, tail = run(['npm', 'install', '--no-audit', '--no-fund'], cwd=folder, log_name='npm-install-next', timeout=900, env=env)
        if not ok or not os.path.exists(next_bin):
            raise SkipFigure('npm install failed: ' + (tail.splitlines()[-1] if tail else 'no output'))
    stamp = tree_hash(os.path.join(folder, 'app'), os.path.join(folder, 'package.json'), os.path.join(folder, 'next.config.mjs'))
    stamp_path = os.path.join(folder, '.next', 'bench.stamp')
    if _read(stamp_path) != stamp or not os.path.exists(os.path.join(folder, '.next', 'BUILD_ID')):
        log('next: next build...')
        ok, seconds, tail = run([next_bin, 'build'], cwd=folder, log_name='next-build', timeout=900, env=env)
        if not ok:
            raise SkipFigure('next build failed: ' + (tail.splitlines()[-1] if tail else 'no output'))
        _write(stamp_path, stamp)
    port = free_port()
    nxt = Server('next', [next_bin, 'start', '-H', '127.0.0.1', '-p', str(port)], port, env=env, cwd=folder)
    adapter = ctx.adapter(free_port())
    with Servers(adapter, nxt):
        log('next: /api/hello adapter vs next start')
        runs = interleaved([('adapter', adapter.url + '/api/hello', None), ('next', nxt.url + '/api/hello', None)])
    figure('next.rps', 'req/s', 'adapter', [r['rps'] for r in runs['adapter']], 'next', [r['rps'] for r in runs['next']], '>=', 30,
           errors=errors_of(runs['adapter'], runs['next']), note='next start, Next.js ' + _next_version(folder))


def _next_version(folder):
    try:
        with open(os.path.join(folder, 'node_modules', 'next', 'package.json')) as f:
            return json.load(f)['version']
    except (OSError, ValueError, KeyError):
        return '?'


# ---------------------------------------------------------------------------------------------------------------
# results


def machine_info():
    def out(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=ROOT).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return None

    return {
        'nproc': os.cpu_count(), 'dotnet': out(['dotnet', '--version']), 'node': out(['node', '--version']) if shutil.which('node') else None,
        'wrk': (out(['wrk', '-v']) or '').splitlines()[0] if shutil.which('wrk') else None,
        'kernel': platform.release(), 'date': datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds'),
        'git_commit': out(['git', 'rev-parse', 'HEAD']), 'git_dirty': bool(out(['git', 'status', '--porcelain', '--untracked-files=no'])),
        'loadavg_start': _loadavg(),
    }


def _loadavg():
    try:
        with open('/proc/loadavg') as f:
            return f.read().split()[:3]
    except OSError:
        return None


def write_results(ctx, machine, groups, started, name='latest'):
    machine['loadavg_end'] = _loadavg()
    doc = {
        'schema': 1,
        'machine': machine,
        'settings': {
            'quick': QUICK, 'groups': groups, 'mode': 'aot' if ctx.aot else 'jit', 'mode_note': ctx.mode_note,
            'duration_s': DURATION, 'rounds': ROUNDS, 'warmup_s': WARMUP, 'connections': CONNECTIONS, 'wrk_threads': 1,
            'cold_runs': COLD_RUNS, 'memory_runs': MEM_RUNS, 'memory_load_s': MEM_LOAD, 'zipf_keys': ZIPF_KEYS,
            'server_cpus': SERVER_CPUS, 'wrk_cpus': WRK_CPUS, 'elapsed_s': round(time.time() - started, 1),
        },
        'figures': FIGURES,
        'skipped': SKIPPED,
    }
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, name + '.json')
    with open(path, 'w') as f:
        json.dump(doc, f, indent=2)
        f.write('\n')
    if name == 'latest':
        write_charts(doc)
    return path


def write_charts(doc):
    """chart.svg (every ratio), and scale.svg when the document has the scale figures."""
    with open(os.path.join(RESULTS, 'chart.svg'), 'w') as f:
        f.write(chart_svg(doc))
    for prefix, file_name in (('scale', 'scale.svg'), ('workerscale', 'scale-worker.svg')):
        chart = scale_svg(doc['figures'], doc['settings']['mode'].upper(), doc['machine'].get('date', ''), prefix)
        if chart:
            with open(os.path.join(RESULTS, file_name), 'w') as f:
                f.write(chart)


def _esc(text):
    return str(text).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def chart_svg(doc):
    """Horizontal bars: each figure's ratio on a linear 0-2 scale, its goal as a black mark; longer bars are clipped and labelled."""
    rows = [f for f in doc['figures'] if f['ratio'] is not None]
    scale_max, label_w, bar_w, value_w, row_h, top = 2.0, 200, 400, 420, 26, 70
    width, height = label_w + bar_w + value_w + 20, top + row_h * max(1, len(rows)) + 60
    x0 = label_w

    def x(value):
        return x0 + bar_w * min(value, scale_max) / scale_max

    m = doc['machine']
    s = doc['settings']
    title = 'Adapter vs bare ASP.NET Core: ratios measured in one run (A/B interleaved, medians)'
    subtitle = (f'{m.get("date", "")[:10]} · {m.get("nproc")} cores · .NET {m.get("dotnet")} · {s["mode"].upper()} · '
                f'{s["rounds"]} rounds × {s["duration_s"]} s{" · QUICK (smoke check, not for quoting)" if s["quick"] else ""} · '
                f'commit {str(m.get("git_commit"))[:8]}')
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">{_esc(title)}</text>',
           f'<text x="10" y="40" fill="#555">{_esc(subtitle)}</text>']
    for tick in (0, 0.5, 1.0, 1.5, 2.0):
        tx = x(tick)
        dash = ' stroke-dasharray="4 3"' if tick == 1 else ''
        stroke = '#999' if tick == 1 else '#e3e3e3'
        svg.append(f'<line x1="{tx:.1f}" y1="{top - 8}" x2="{tx:.1f}" y2="{top + row_h * len(rows)}" stroke="{stroke}"{dash}/>')
        svg.append(f'<text x="{tx:.1f}" y="{top - 12}" text-anchor="middle" fill="#555">{tick:g}×</text>')
    for i, f in enumerate(rows):
        y = top + i * row_h
        color = '#2e7d32' if f['pass'] is True else '#c62828' if f['pass'] is False else '#78909c'
        ratio = f['ratio']
        svg.append(f'<text x="{x0 - 8}" y="{y + 16}" text-anchor="end">{_esc(f["name"])}</text>')
        svg.append(f'<rect x="{x0}" y="{y + 5}" width="{max(1.0, x(ratio) - x0):.1f}" height="{row_h - 10}" fill="{color}" opacity="0.85"/>')
        if ratio > scale_max:
            svg.append(f'<text x="{x(scale_max) - 4:.1f}" y="{y + 16}" text-anchor="end" fill="white" font-weight="bold">▶ {ratio:.1f}×</text>')
        sides = f'{f["a"]["label"]} / {f["b"]["label"]}' if f['b'] else f['a']['label']
        if f['goal']:
            if f['goal']['value'] <= scale_max:
                gx = x(f['goal']['value'])
                svg.append(f'<line x1="{gx:.1f}" y1="{y + 2}" x2="{gx:.1f}" y2="{y + row_h - 2}" stroke="black" stroke-width="3"/>')
            verdict = 'PASS' if f['pass'] else 'MISS'
            text = f'{ratio:.2f} {sides} (goal {f["goal"]["op"].replace(">=", "≥").replace("<=", "≤")} {f["goal"]["value"]:g}) {verdict}'
        else:
            text = f'{ratio:.2f} {sides} (reported)'
        svg.append(f'<text x="{x0 + bar_w + 8}" y="{y + 16}" fill="{color}">{_esc(text)}</text>')
    legend_y = top + row_h * len(rows) + 28
    svg.append(f'<text x="10" y="{legend_y}" fill="#555">Ratio = first / second side of the figure (e.g. adapter / baseline). '
               'Black mark: goal. Green: goal met; red: missed; grey: reported only.</text>')
    svg.append(f'<text x="10" y="{legend_y + 18}" fill="#555">Throughput ratios: higher is better; latency, cold start and memory ratios: '
               'lower is better. Bars past 2× are clipped.</text>')
    svg.append('</svg>')
    return '\n'.join(svg) + '\n'


# ---------------------------------------------------------------------------------------------------------------


def selected_groups():
    only = os.environ.get('ONLY', '').strip()
    if not only:
        return list(GROUPS)
    wanted = [g.strip().split('.')[0] for g in only.split(',') if g.strip()]
    unknown = [g for g in wanted if g not in GROUPS]
    if unknown:
        sys.exit(f'unknown figure group(s) in ONLY: {", ".join(unknown)} (known: {", ".join(GROUPS)})')
    return [g for g in GROUPS if g in wanted]


def main(argv):
    if len(argv) >= 2 and argv[0] == 'scale':
        print(write_scale_copy(int(argv[1])))
        return 0
    if argv and argv[0] == 'charts':
        # Redraws chart.svg and scale.svg from results/latest.json (after figures of a partial run were merged into it).
        with open(os.path.join(RESULTS, 'latest.json')) as f:
            doc = json.load(f)
        write_charts(doc)
        return 0
    for tool in ('dotnet', 'wrk', 'taskset'):
        if not shutil.which(tool):
            sys.exit(f'{tool} is needed (wrk: apt-get install wrk)')
    groups = selected_groups()
    started = time.time()
    machine = machine_info()
    ctx = Context()
    os.makedirs(WORK, exist_ok=True)
    log(f'groups: {",".join(groups)}; {"QUICK: " if QUICK else ""}{ROUNDS} rounds × {DURATION}s, warm-up {WARMUP}s, '
        f'{CONNECTIONS} connections; servers on CPU {SERVER_CPUS}, wrk on CPU {WRK_CPUS}')
    ctx.decide_mode()
    log(ctx.mode_note)
    print(f'# mode: {ctx.mode_note}', flush=True)
    failed = []
    steps = []
    if any(g in groups for g in ('hello', 'items', 'echo', 'static')):
        steps.append(('throughput', lambda: fig_throughput(ctx, groups)))
    named = {'prerender': fig_prerender, 'tracing': fig_tracing, 'routing': fig_routing, 'blob': fig_blob, 'coldstart': fig_coldstart, 'memory': fig_memory, 'scale': fig_scale, 'hop': fig_hop, 'worker': fig_worker, 'workerscale': fig_workerscale, 'next': fig_next}
    steps += [(g, (lambda fn: lambda: fn(ctx))(named[g])) for g in groups if g in named]
    interrupted = True
    try:
        for name, step in steps:
            try:
                step()
            except SkipFigure as reason:
                SKIPPED.append({'figure': name, 'reason': str(reason)})
                print(f'{name} skipped: {reason}', flush=True)
            except (PublishError, RuntimeError, OSError, subprocess.SubprocessError, ValueError, KeyError) as error:
                failed.append(name)
                SKIPPED.append({'figure': name, 'reason': f'failed: {error}'})
                print(f'{name} FAILED: {str(error).splitlines()[0] if str(error) else type(error).__name__}', flush=True)
                log(str(error))
            finally:
                stop_all()
        interrupted = False
    finally:
        stop_all()
        # An interrupted run keeps the last complete results: what it measured goes to interrupted.json only.
        name = write_results(ctx, machine, groups, started, 'interrupted' if interrupted else 'latest')
        log(f'wrote {os.path.relpath(name, ROOT)}{"" if interrupted else " and chart.svg"} in {time.time() - started:.0f}s')
    misses = [f['name'] for f in FIGURES if f['pass'] is False]
    if misses:
        log('goals missed: ' + ', '.join(misses))
    return 1 if failed else 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        stop_all()
        sys.exit(130)
