using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Tests.Routing;

public class SegmentParserTests
{
    [Theory]
    [InlineData("about", nameof(SegmentKind.Static), "about")]
    [InlineData("feed.xml", nameof(SegmentKind.Static), "feed.xml")]
    [InlineData("[id]", nameof(SegmentKind.Dynamic), "id")]
    [InlineData("[...slug]", nameof(SegmentKind.CatchAll), "slug")]
    [InlineData("[[...slug]]", nameof(SegmentKind.OptionalCatchAll), "slug")]
    [InlineData("(marketing)", nameof(SegmentKind.Group), "(marketing)")]
    [InlineData("_lib", nameof(SegmentKind.Private), "_lib")]
    [InlineData("@modal", nameof(SegmentKind.ParallelSlot), "@modal")]
    [InlineData("(.)photo", nameof(SegmentKind.Interception), "(.)photo")]
    [InlineData("(..)photo", nameof(SegmentKind.Interception), "(..)photo")]
    [InlineData("(..)(..)photo", nameof(SegmentKind.Interception), "(..)(..)photo")]
    [InlineData("(...)photo", nameof(SegmentKind.Interception), "(...)photo")]
    [InlineData("%5Fhidden", nameof(SegmentKind.Static), "_hidden")]
    [InlineData("%5fhidden", nameof(SegmentKind.Static), "_hidden")]
    public void Classifies_folder_names_like_the_app_router(string folder, string kind, string value)
    {
        var segment = SegmentParser.ParseFolder(folder);

        Assert.Equal(Enum.Parse<SegmentKind>(kind), segment.Kind);
        Assert.Equal(value, segment.Value);
    }

    [Theory]
    [InlineData("[[x]", nameof(SegmentError.ExtraBrackets))]
    [InlineData("[x]]", nameof(SegmentError.ExtraBrackets))]
    [InlineData("[....x]", nameof(SegmentError.ErroneousPeriods))]
    [InlineData("[[x]]", nameof(SegmentError.OptionalNotCatchAll))]
    [InlineData("post-[id]", nameof(SegmentError.PartialDynamic))]
    [InlineData("[id]-x", nameof(SegmentError.PartialDynamic))]
    [InlineData("[a][b]", nameof(SegmentError.PartialDynamic))]
    [InlineData("[]", nameof(SegmentError.EmptyName))]
    [InlineData("[...]", nameof(SegmentError.EmptyName))]
    public void Rejects_malformed_parameter_folders(string folder, string error)
    {
        var segment = SegmentParser.ParseFolder(folder);

        Assert.Equal(SegmentKind.Invalid, segment.Kind);
        Assert.Equal(Enum.Parse<SegmentError>(error), segment.Error);
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
