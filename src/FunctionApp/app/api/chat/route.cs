using System.Runtime.CompilerServices;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/chat?prompt=...</c>: streams tokens as they are produced, the way an LLM answer is streamed. Each chunk is
/// flushed at once; when the client goes away the token source is cancelled and disposed.
/// </summary>
public static class ChatRoute
{
    public static Response GET(NextRequest request, CancellationToken aborted) =>
        new(Tokens(request.NextUrl.SearchParams.Get("prompt") ?? "hello", aborted), new ResponseInit { Headers = { { "content-type", "text/plain; charset=utf-8" } } });

    // Stands in for a model client's streaming API (IAsyncEnumerable<string> of tokens).
    private static async IAsyncEnumerable<string> Tokens(string prompt, [EnumeratorCancellation] CancellationToken aborted)
    {
        foreach (var word in $"You said: {prompt}. Streaming one token at a time.".Split(' '))
        {
            await Task.Delay(50, aborted);
            yield return word + " ";
        }

        yield return "\n";
    }
}
