using NextRouteHandlers.Cdn;

namespace NextRouteHandlers.Tests.Cdn;

public class PurgePlanTests
{
    [Fact]
    public void Paths_are_deduplicated_without_case_and_stripped_of_queries_as_front_door_compares_them()
    {
        var batch = Assert.Single(PurgePlan.Batches(["/b", "/A", "/a", "/b?page=2", "/c#top"]));

        Assert.Equal(["/A", "/b", "/c"], batch);
    }

    [Fact]
    public void Paths_under_a_wildcard_fold_into_it_and_the_folder_itself_stays()
    {
        var batch = Assert.Single(PurgePlan.Batches(["/blog/*", "/blog/a", "/Blog/b/c", "/blog", "/shop/x", "/blog/old/*"]));

        Assert.Equal(["/blog", "/blog/*", "/shop/x"], batch);
    }

    [Fact]
    public void The_whole_app_wildcard_leaves_only_itself()
    {
        Assert.Equal(["/*"], Assert.Single(PurgePlan.Batches(["/a", "/b/*", "/*", "/"])));
    }

    [Fact]
    public void More_than_a_hundred_paths_go_out_in_requests_of_a_hundred()
    {
        var batches = PurgePlan.Batches(Enumerable.Range(0, 250).Select(i => $"/p/{i:D3}"));

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(250, batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Nothing_that_is_not_a_path_is_sent()
    {
        Assert.Empty(PurgePlan.Batches(["", " ", "relative", "?q=1"]));
    }
}
