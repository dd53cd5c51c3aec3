using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Tests.Routing;

public class SegmentParserTests
{
    [Theory]
    [InlineData("about", SegmentKind.Static, "about")]
    [InlineData("feed.xml", SegmentKind.Static, "feed.xml")]
    [InlineData("[id]", SegmentKind.Dynamic, "id")]
    [InlineData("[...slug]", SegmentKind.CatchAll, "slug")]
    [InlineData("[[...slug]]", SegmentKind.OptionalCatchAll, "slug")]
    [InlineData("(marketing)", SegmentKind.Group, "(marketing)")]
    [InlineData("_lib", SegmentKind.Private, "_lib")]
    [InlineData("@modal", SegmentKind.ParallelSlot, "@modal")]
    [InlineData("(.)photo", SegmentKind.Interception, "(.)photo")]
    [InlineData("(..)photo", SegmentKind.Interception, "(..)photo")]
    [InlineData("(..)(..)photo", SegmentKind.Interception, "(..)(..)photo")]
    [InlineData("(...)photo", SegmentKind.Interception, "(...)photo")]
    [InlineData("%5Fhidden", SegmentKind.Static, "_hidden")]
    [InlineData("%5fhidden", SegmentKind.Static, "_hidden")]
    public void Classifies_folder_names_like_the_app_router(string folder, SegmentKind kind, string value)
    {
        var segment = SegmentParser.ParseFolder(folder);

        Assert.Equal(kind, segment.Kind);
        Assert.Equal(value, segment.Value);
    }

    [Theory]
    [InlineData("[[x]", SegmentError.ExtraBrackets)]
    [InlineData("[x]]", SegmentError.ExtraBrackets)]
    [InlineData("[....x]", SegmentError.ErroneousPeriods)]
    [InlineData("[[x]]", SegmentError.OptionalNotCatchAll)]
    [InlineData("post-[id]", SegmentError.PartialDynamic)]
    [InlineData("[id]-x", SegmentError.PartialDynamic)]
    [InlineData("[a][b]", SegmentError.PartialDynamic)]
    [InlineData("[]", SegmentError.EmptyName)]
    [InlineData("[...]", SegmentError.EmptyName)]
    public void Rejects_malformed_parameter_folders(string folder, SegmentError error)
    {
        var segment = SegmentParser.ParseFolder(folder);

        Assert.Equal(SegmentKind.Invalid, segment.Kind);
        Assert.Equal(error, segment.Error);
        Assert.Contains(folder, SegmentParser.Describe(segment), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_splits_into_its_url_segments()
    {
        var segments = SegmentParser.ParsePattern("/shop/[category]/[...rest]");

        Assert.Equal([SegmentKind.Static, SegmentKind.Dynamic, SegmentKind.CatchAll], segments.Select(s => s.Kind));
        Assert.Equal(["shop", "category", "rest"], segments.Select(s => s.Value));
        Assert.Empty(SegmentParser.ParsePattern("/"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("items")]
    [InlineData("/items//x")]
    [InlineData("/post-[id]")]
    public void A_malformed_pattern_is_a_format_error(string pattern) =>
        Assert.Throws<FormatException>(() => SegmentParser.ParsePattern(pattern));
}
