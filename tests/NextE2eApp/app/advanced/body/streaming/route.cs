using NextE2eApp.Fixture;

namespace NextE2eApp.App.Advanced.Body;

/// <summary>Port of app/advanced/body/streaming/route.ts: POST streams the request body back as it reads it.</summary>
public static class StreamingBodyRoute
{
    public static Response POST(NextRequest request) => BodyReaders.Echo(request);
}
