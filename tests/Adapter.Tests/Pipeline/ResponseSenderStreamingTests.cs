using System.Runtime.CompilerServices;
using System.Text;
using NextRouteHandlers.Http;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Pipeline;

public class ResponseSenderStreamingTests
{
    [Fact]
    public async Task A_client_disconnect_mid_stream_disposes_the_producer_and_logs_no_error()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<string> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return $"tick {i}\n";
                    await Task.Delay(20, cancellationToken);
                }
            }
            finally
            {
                disposed.TrySetResult();
            }
        }

        await using var app = await LoopbackApp.StartAsync([Routes.Get("/endless", _ => new Response(Endless()))]);
        var response = await app.Client.GetAsync("/endless", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16];
        Assert.True(await body.ReadAsync(buffer) > 0);

        response.Dispose();
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await app.WhenRequestsHandledAsync(1);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_stream_that_fails_after_the_headers_cuts_the_response_short_and_is_logged()
    {
        async IAsyncEnumerable<string> Failing()
        {
            yield return "partial;";
            await Task.Delay(50);
            throw new InvalidOperationException("the upstream model went away");
        }

        await using var app = await LoopbackApp.StartAsync([Routes.Get("/failing", _ => new Response(Failing()))]);

        using var response = await app.Client.GetAsync("/failing", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var read = new MemoryStream();
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(read));

        Assert.Equal("partial;", Encoding.UTF8.GetString(read.ToArray()));
        var error = Assert.Single(app.Logs.Errors);
        Assert.Equal("the upstream model went away", error.Exception!.Message);
    }
}
