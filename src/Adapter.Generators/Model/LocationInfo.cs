using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NextRouteHandlers.Generators.Model;

/// <summary>
/// A source location as plain numbers: a pipeline model keeps no syntax tree (or any other Roslyn object), so it
/// compares by value and keeps nothing of an old compilation alive.
/// </summary>
/// <param name="FilePath">The file, as the compilation names it.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="StartLine">The zero-based line of the first character.</param>
/// <param name="StartCharacter">The zero-based column of the first character.</param>
/// <param name="EndLine">The zero-based line of the end.</param>
/// <param name="EndCharacter">The zero-based column of the end.</param>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static LocationInfo From(Location location)
    {
        var lineSpan = location.GetLineSpan();
        var span = location.SourceSpan;
        return new LocationInfo(
            lineSpan.Path ?? string.Empty,
            span.Start,
            span.Length,
            lineSpan.StartLinePosition.Line,
            lineSpan.StartLinePosition.Character,
            lineSpan.EndLinePosition.Line,
            lineSpan.EndLinePosition.Character);
    }

    /// <summary>The start of a file, for problems of the file as a whole.</summary>
    public static LocationInfo AtFile(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => FilePath.Length == 0
        ? Location.None
        : Location.Create(FilePath, new TextSpan(Start, Length), new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
}
