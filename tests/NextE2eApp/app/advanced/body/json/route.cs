using NextE2eApp.Fixture;

namespace NextE2eApp.App.Advanced.Body;

/// <summary>Port of app/advanced/body/json/route.ts: POST, DELETE and an own OPTIONS all read a JSON body.</summary>
public static class JsonBodyRoute
{
    public static Task<Response> POST(NextRequest request) => BodyReaders.Json(request);

    public static async Task<Response> DELETE(NextRequest request) => new("delete " + await NameIn(request));

    public static async Task<Response> OPTIONS(NextRequest request) => new("options " + await NameIn(request));

    private static async Task<string?> NameIn(NextRequest request) => (await request.Json()).GetProperty("name").GetString();
}
