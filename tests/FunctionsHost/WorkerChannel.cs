using System.Collections.Concurrent;
using System.Text;
using Grpc.Core;
using NextRouteHandlers.Testing.FunctionsHost.Rpc;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>
/// The host's end of one worker's <c>EventStream</c>. The worker opens the stream and says <c>StartStream</c>; from
/// then on the host sends requests and the worker answers each with the request's <c>request_id</c>, in any order, so
/// every request waits on its own id. The worker's log messages (it has no console under the host) are kept.
/// </summary>
public sealed class WorkerChannel
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource<IServerStreamWriter<StreamingMessage>> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StringBuilder _logs = new();

    /// <summary>The worker id the worker sent in <c>StartStream</c>, once it has.</summary>
    public string? WorkerId { get; private set; }

    /// <summary>Completes when the worker has opened its stream.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when the worker's stream has ended (it stopped, or its process died).</summary>
    public Task Ended => _ended.Task;

    /// <summary>What the worker logged through the stream, one line per message.</summary>
    public string Logs
    {
        get
        {
            lock (_logs) return _logs.ToString();
        }
    }

    /// <summary>Serves the stream the worker opened until it ends; called by the gRPC service.</summary>
    /// <param name="input">What the worker sends.</param>
    /// <param name="output">Where the host writes.</param>
    /// <param name="cancellationToken">Ends with the call.</param>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> input, IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        try
        {
            while (await input.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var message = input.Current;
                switch (message.ContentCase)
                {
                    case StreamingMessage.ContentOneofCase.StartStream:
                        WorkerId = message.StartStream.WorkerId;
                        if (!_started.TrySetResult(output)) throw new InvalidOperationException("The worker opened a second stream.");
                        break;
                    case StreamingMessage.ContentOneofCase.RpcLog:
                        var log = message.RpcLog;
                        lock (_logs)
                        {
                            _logs.Append('[').Append(log.Level).Append("] ").Append(log.Category).Append(": ").AppendLine(log.Message);
                            if (log.Exception is { } exception) _logs.Append("  ").Append(exception.Message).AppendLine().AppendLine(exception.StackTrace);
                        }
                        break;
                    default:
                        if (_pending.TryRemove(message.RequestId, out var waiter)) waiter.TrySetResult(message);
                        break;
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The worker went away mid-stream.
        }
        catch (IOException)
        {
            // Its process died and the connection broke.
        }
        finally
        {
            _started.TrySetException(new InvalidOperationException("The worker's stream ended before it said StartStream."));
            foreach (var waiter in _pending.Values) waiter.TrySetException(new InvalidOperationException("The worker's stream ended before it answered."));
            _ended.TrySetResult();
        }
    }

    /// <summary>Sends <paramref name="message"/> (a fresh <c>request_id</c> is set) and waits for the worker's answer to it.</summary>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long the worker may take.</param>
    /// <exception cref="TimeoutException">The worker did not answer in time.</exception>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[message.RequestId] = answer;
        await SendAsync(message).ConfigureAwait(false);
        try
        {
            return await answer.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(message.RequestId, out _);
            throw new TimeoutException($"The worker did not answer {message.ContentCase} within {timeout.TotalSeconds} s.\nWorker logs:\n{Logs}");
        }
    }

    /// <summary>Sends a message that expects no answer.</summary>
    /// <param name="message">The message.</param>
    public async Task SendAsync(StreamingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var output = await _started.Task.ConfigureAwait(false);
        if (_ended.Task.IsCompleted) throw new InvalidOperationException("The worker's stream has ended.");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.WriteAsync(message).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
