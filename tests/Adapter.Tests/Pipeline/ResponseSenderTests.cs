using NextRouteHandlers.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Pipeline;

/// <summary>A failing write never escapes: a 500 before the headers are sent, a cut-short response after.</summary>
public class ResponseSenderTests
{
    private static async IAsyncEnumerable<string> FailingAfter(string first)
    {
        if (first.Length > 0) yield return first;
        await Task.Yield();
        throw new InvalidOperationException("the body broke");
    }

    private static (DefaultHttpContext Context, StartedAfterWrite Feature) Context()
    {
        var context = new DefaultHttpContext();
        var feature = new StartedAfterWrite();
        context.Features.Set<IHttpResponseFeature>(feature);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        context.Features.Set<IHttpRequestLifetimeFeature>(feature);
        return (context, feature);
    }

    [Fact]
    public async Task A_body_that_fails_before_anything_was_sent_becomes_an_empty_500()
    {
        var (context, _) = Context();
        var logs = new LogSink();
        var sender = new ResponseSender(logs.CreateLogger("test"), compress: false);

        await sender.SendAsync(context, new Response(FailingAfter(string.Empty), new ResponseInit { Headers = { { "x-handler", "1" } } }), omitBody: false, "app/x/route.cs");

        Assert.Equal(500, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("x-handler"));
        Assert.Equal(EventIds.ResponseWriteFailed, Assert.Single(logs.Errors).EventId.Id);
    }

    [Fact]
    public async Task A_body_that_fails_after_its_first_chunk_is_cut_short()
    {
        var (context, feature) = Context();
        var logs = new LogSink();
        var sender = new ResponseSender(logs.CreateLogger("test"), compress: false);

        await sender.SendAsync(context, new Response(FailingAfter("chunk;")), omitBody: false, "app/x/route.cs");

        Assert.True(feature.Aborted);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(EventIds.ResponseStreamFailed, Assert.Single(logs.Errors).EventId.Id);
    }

    [Fact]
    public async Task A_client_that_went_away_is_not_an_error()
    {
        var (context, feature) = Context();
        feature.Abort();
        var logs = new LogSink();
        var sender = new ResponseSender(logs.CreateLogger("test"), compress: false);

        await sender.SendAsync(context, new Response(FailingAfter("chunk;")), omitBody: false, "app/x/route.cs");

        Assert.Empty(logs.Errors);
    }

    /// <summary>A response that counts as started once a byte is written, and records an abort.</summary>
    private sealed class StartedAfterWrite : HttpResponseFeature, IHttpResponseBodyFeature, IHttpRequestLifetimeFeature
    {
        private readonly CancellationTokenSource _aborted = new();
        private readonly MemoryStream _body = new();

        public StartedAfterWrite() => Body = _body;

        public override bool HasStarted => _body.Length > 0;

        public bool Aborted => _aborted.IsCancellationRequested;

        public Stream Stream => _body;

        public System.IO.Pipelines.PipeWriter Writer => System.IO.Pipelines.PipeWriter.Create(_body);

        public CancellationToken RequestAborted
        {
            get => _aborted.Token;
            set { }
        }

        public void Abort() => _aborted.Cancel();

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }
}
