namespace FunctionApp.App.Marketing;

/// <summary><c>/about</c>: the <c>(marketing)</c> folder is a route group, so it does not appear in the URL.</summary>
public static class AboutRoute
{
    public static Response GET() => new("About this app.\n");
}
