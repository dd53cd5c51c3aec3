namespace NextRouteHandlers.Testing.Conformance;

/// <summary>List indexing as in Python, which the case files inherit: a negative index counts from the end.</summary>
public static class PythonIndex
{
    /// <summary>The item at <paramref name="index"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="items">The list.</param>
    /// <param name="index">The index; <c>-1</c> is the last item.</param>
    public static T? Of<T>(IReadOnlyList<T> items, int index)
        where T : class
    {
        var position = index < 0 ? items.Count + index : index;
        return position >= 0 && position < items.Count ? items[position] : null;
    }
}
