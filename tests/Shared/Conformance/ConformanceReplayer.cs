namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Replays recorded cases against one server, as <c>replay.py --profile PROFILE --overrides FILE</c> does: each
/// case's expectations are rewritten by the profile, then the overrides are merged in; the steps are sent in order on
/// fresh connections (after their <c>waitMsBefore</c>), and each response is checked before the next step is sent.
/// One replayer is one replay run: its <c>{{run}}</c> token is the same for every case it replays.
/// </summary>
public sealed class ConformanceReplayer
{
    private readonly BoundProfile? _profile;
    private readonly IReadOnlyList<CaseOverride> _overrides;
    private readonly TimeSpan _timeout;

    /// <summary>Prepares a replay against <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">The server, e.g. <c>http://127.0.0.1:3131/</c>.</param>
    /// <param name="corpus">Every case of the case file (the profile indexes them all).</param>
    /// <param name="profile">The profile, or <see langword="null"/> to check the raw recording.</param>
    /// <param name="routes">The fixture's route files, for the profile's Allow lists.</param>
    /// <param name="overrides">The project's overrides.</param>
    /// <param name="timeout">The limit of each network operation (30 s in replay.py).</param>
    public ConformanceReplayer(Uri baseAddress, IReadOnlyList<ConformanceCase> corpus, ReplayProfile? profile, RouteTable? routes, IReadOnlyList<CaseOverride> overrides, TimeSpan? timeout = null)
    {
        Target = new ReplayTarget(baseAddress);
        _profile = profile?.Bind(Target, corpus, routes);
        _overrides = overrides;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The server and the placeholder values of this run.</summary>
    public ReplayTarget Target { get; }

    /// <summary>The case with the expectations that will be checked (profile first, then overrides).</summary>
    /// <param name="testCase">The case as recorded.</param>
    public EffectiveCase Prepare(ConformanceCase testCase)
    {
        IReadOnlyList<CaseStep> steps = testCase.Steps;
        IReadOnlyList<IReadOnlyList<string>> stepRules = steps.Select(_ => (IReadOnlyList<string>)[]).ToArray();
        IReadOnlyList<string> warnings = [];
        if (_profile is not null) (steps, stepRules, warnings) = _profile.Apply(testCase);

        var used = _overrides.Where(o => o.Id == testCase.Id).ToArray();
        if (used.Length > 0)
        {
            steps = steps.Select((step, i) => used.Where(o => o.Step is null || o.Step == i).Aggregate(step, (s, o) => s.WithExpect(ExpectationPatch.Apply(s.Expect, o.Expect)))).ToArray();
        }

        return new EffectiveCase(testCase with { Steps = steps }, stepRules, used, warnings);
    }

    /// <summary>Replays one case and checks every step.</summary>
    /// <param name="testCase">The case as recorded.</param>
    public async Task<CaseResult> RunAsync(ConformanceCase testCase)
    {
        var effective = Prepare(testCase);
        var steps = effective.Case.Steps;
        var normalize = _profile?.Normalize ?? (text => text);
        var responses = new List<WireResponse>();
        var outcomes = new List<StepOutcome>();
        var errors = new List<string>();
        var rules = effective.StepRules.SelectMany(names => names).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var prefix = steps.Count > 1 ? $"step {i}: " : string.Empty;
            if (steps[i].WaitMsBefore > 0) await Task.Delay(steps[i].WaitMsBefore);
            WireRequest? request = null;
            WireResponse response;
            try
            {
                request = StepRequest.Build(steps[i], Target, responses);
                response = await WireClient.SendAsync(Target, request, _timeout);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException or InvalidOperationException or FormatException or OperationCanceledException)
            {
                var failure = $"step {i}: request failed: {e.GetType().Name}: {e.Message}";
                errors.Add(failure);
                outcomes.Add(new StepOutcome(request, null, [failure]));
                break;
            }

            responses.Add(response);
            var context = new StepCheckContext(Target, normalize, responses);
            var stepErrors = StepChecker.Check(context, steps[i].Expect).Select(e => prefix + e).ToList();
            errors.AddRange(stepErrors);
            outcomes.Add(new StepOutcome(request, response, stepErrors));
            if (context.NormalizationHits > 0 && _profile?.OriginRuleName is { } origin) rules.Add(origin);
        }

        var sorted = rules.Order(StringComparer.Ordinal).ToArray();
        var deviations = sorted.Where(name => _profile?.TypeOf(name) == "deviation").ToArray();
        return new CaseResult(effective, errors, sorted, deviations, outcomes);
    }
}
