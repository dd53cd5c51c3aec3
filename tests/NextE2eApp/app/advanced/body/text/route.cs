using NextE2eApp.Fixture;

namespace NextE2eApp.App.Advanced.Body;

/// <summary>Port of app/advanced/body/text/route.ts: POST reads the body as text.</summary>
public static class TextBodyRoute
{
    public static Task<Response> POST(NextRequest request) => BodyReaders.Text(request);
}
