using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NextRouteHandlers.Generators.Model;

/// <summary>A source location as plain values (no syntax tree), so models stay cacheable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location)
    {
        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
    }

    public static LocationInfo AtFile(string filePath) => new(filePath, default, default);

    public Location ToLocation() => FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
}
