using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// The code lists of one coded column: each key's codes mean one canonical value; the codes of the ignored keys are
/// known but not used (the row is skipped without a rejection; <c>*</c> ignores every unlisted code). A code listed
/// under two keys of a group is a configuration error that fails the source.
/// </summary>
public sealed record CodeGroup<T>(string Column, (string Key, T Value)[] Keys, params string[]? IgnoredKeys)
{
    /// <summary>Every configuration key of the group.</summary>
    public IEnumerable<string> AllKeys => Keys.Select(k => k.Key).Concat(IgnoredKeys ?? []);
}

/// <summary>
/// Reads a coded column against the configured lists of a <see cref="CodeGroup{T}"/>: a listed code gives its value,
/// an ignored one skips the row silently, anything else is a rejected field naming the code.
/// </summary>
public sealed class CodeClassifier<T>
{
    private readonly Dictionary<string, T> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _ignoreAll;
    private readonly string[] _known;

    private CodeClassifier(CodeGroup<T> group, SourceOptions options, IReadOnlyDictionary<string, string> defaults)
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Claim(string code, string key)
        {
            if (owner.TryGetValue(code, out var other) && !string.Equals(other, key, StringComparison.OrdinalIgnoreCase))
            {
                throw new SourceFailedException(
                    $"Codes:{other} and Codes:{key} both list the {group.Column} code '{code}': a code can mean one thing only.");
            }

            owner[code] = key;
        }

        foreach (var (key, value) in group.Keys)
        {
            foreach (var code in options.CodeList(key, defaults))
            {
                Claim(code, key);
                _values[code] = value;
            }
        }

        foreach (var ignoredKey in group.IgnoredKeys ?? [])
        {
            foreach (var code in options.CodeList(ignoredKey, defaults))
            {
                if (code == "*")
                {
                    _ignoreAll = true;
                    continue;
                }

                Claim(code, ignoredKey);
                _ignored.Add(code);
            }
        }

        _known = [.. owner.Keys];
    }

    /// <summary>Every code of the group's lists (for the message naming an unknown one).</summary>
    public IReadOnlyCollection<string> Known => _known;

    /// <summary>The value a listed code means.</summary>
    public bool TryValue(string code, out T value) => _values.TryGetValue(code, out value!);

    /// <summary>Whether a code is known but not used (an ignored list, or <c>*</c>).</summary>
    public bool IsIgnored(string code) => !_values.ContainsKey(code) && (_ignoreAll || _ignored.Contains(code));

    public static CodeClassifier<T> From(CodeGroup<T> group, SourceOptions options, IReadOnlyDictionary<string, string> defaults) =>
        new(group, options, defaults);

    /// <summary>Whether the row's code is one this site ignores: the caller skips the row without a rejection.</summary>
    public bool Skips(RowReader r, Column column) =>
        r.Text(column) is { } code && !_values.ContainsKey(code) && (_ignoreAll || _ignored.Contains(code));

    /// <summary>
    /// The value of the row's code. False when the code is ignored (no rejection), unknown or missing (rejected;
    /// a missing one only when <paramref name="required"/>).
    /// </summary>
    public bool TryRead(RowReader r, Column column, out T value, bool required = true)
    {
        value = default!;
        var text = r.Text(column);
        if (text is not null && _values.TryGetValue(text, out var v))
        {
            value = v;
            return true;
        }

        if (text is not null && !_values.ContainsKey(text) && (_ignoreAll || _ignored.Contains(text)))
        {
            return false;
        }

        r.Code(column, _known, required);
        return false;
    }
}
