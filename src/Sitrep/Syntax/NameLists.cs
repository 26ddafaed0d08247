namespace Sitrep.Syntax;

/// <summary>
/// Name lists (gazetteers) for the recogniser, stored inside the model file as hashed keys: a 32-bit key of each
/// entry's lower-cased token sequence maps to a bit mask of the lists holding it (person names, places,
/// countries, regions, organisations, demonyms). Built at training time from npm data packages and the
/// project's actor tables (<see cref="NameListBuilder"/>); the product needs no external file at run time.
/// </summary>
internal sealed class NameLists
{
    /// <summary>List kinds (bit positions of the mask).</summary>
    internal enum Kind
    {
        /// <summary>Given names and surnames.</summary>
        Person,

        /// <summary>Populated places.</summary>
        Place,

        /// <summary>Country names and alternative spellings.</summary>
        Country,

        /// <summary>First- and second-level administrative divisions, world regions.</summary>
        Region,

        /// <summary>Organisations (armed groups, international bodies, media) of the actor registry.</summary>
        Organization,

        /// <summary>Nationality adjectives ("Syrian").</summary>
        Demonym,
    }

    /// <summary>Number of list kinds.</summary>
    internal const int KindCount = 6;

    /// <summary>Longest entry in tokens.</summary>
    internal const int MaxTokens = 6;

    /// <summary>Mask bit meaning "a proper prefix of a longer entry" (lets matching stop early).</summary>
    const byte PrefixBit = 0x80;

    readonly Dictionary<uint, byte> _entries;
    readonly Dictionary<uint, byte> _caseClasses;

    NameLists(Dictionary<uint, byte> entries, Dictionary<uint, byte> caseClasses)
    {
        _entries = entries;
        _caseClasses = caseClasses;
    }

    /// <summary>
    /// The word's capitalisation habit in unlabeled text (1–12: frequency bucket × share of capitalised
    /// sentence-internal occurrences), 0 for unseen words: tells "afghanistan" (always capitalised) from "bay".
    /// </summary>
    public byte CaseClass(ulong lower) => _caseClasses.GetValueOrDefault(Fold(lower));

    /// <summary>Number of stored keys (entries and prefixes).</summary>
    public int Count => _entries.Count;

    /// <summary>Key of the first token of a sequence.</summary>
    internal static ulong Begin(ulong lower) => FeatureHash.Mix(lower ^ 0x5bd1e995UL);

    /// <summary>Key of a sequence extended by one token.</summary>
    internal static ulong Extend(ulong key, ulong lower) => FeatureHash.Mix(unchecked((key * 31) ^ lower));

    static uint Fold(ulong h) => (uint)(h ^ (h >> 32));

    /// <summary>
    /// Per-token signature: for each kind, 3 bits giving the token's place in the longest matching entry of that
    /// kind covering it (0 none, 1 begins, 2 inside, 3 ends, 4 single-token entry).
    /// </summary>
    public void Match(ReadOnlySpan<WordInfo> words, Span<ulong> signature)
    {
        signature.Clear();
        Span<byte> bestLen = stackalloc byte[KindCount];
        var n = words.Length;
        Span<byte> lens = n * KindCount <= 1024 ? stackalloc byte[n * KindCount] : new byte[n * KindCount];
        lens.Clear();
        for (var s = 0; s < n; s++)
        {
            var key = Begin(words[s].Lower);
            for (var len = 1; len <= MaxTokens && s + len <= n; len++)
            {
                if (len > 1)
                {
                    key = Extend(key, words[s + len - 1].Lower);
                }

                if (!_entries.TryGetValue(Fold(key), out var mask))
                {
                    break;
                }

                for (var k = 0; k < KindCount; k++)
                {
                    if ((mask & (1 << k)) == 0)
                    {
                        continue;
                    }

                    for (var i = s; i < s + len; i++)
                    {
                        ref var cur = ref lens[(i * KindCount) + k];
                        if (cur >= len)
                        {
                            continue;
                        }

                        cur = (byte)len;
                        var code = len == 1 ? 4UL : i == s ? 1UL : i == s + len - 1 ? 3UL : 2UL;
                        signature[i] = (signature[i] & ~(7UL << (3 * k))) | (code << (3 * k));
                    }
                }

                if ((mask & PrefixBit) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Builds the lists from (token sequence, kind) entries.</summary>
    internal static NameLists Create(IEnumerable<(string[] Tokens, Kind Kind)> entries, IReadOnlyDictionary<string, byte> caseClasses)
    {
        var classes = new Dictionary<uint, byte>(caseClasses.Count);
        foreach (var (word, c) in caseClasses)
        {
            classes[Fold(WordInfo.Of([word])[0].Lower)] = c;
        }

        var map = new Dictionary<uint, byte>();
        foreach (var (tokens, kind) in entries)
        {
            if (tokens.Length == 0 || tokens.Length > MaxTokens)
            {
                continue;
            }

            var info = WordInfo.Of(tokens);
            var key = Begin(info[0].Lower);
            for (var i = 1; i <= tokens.Length; i++)
            {
                if (i > 1)
                {
                    key = Extend(key, info[i - 1].Lower);
                }

                var k = Fold(key);
                map.TryGetValue(k, out var m);
                map[k] = (byte)(m | (i == tokens.Length ? 1 << (int)kind : PrefixBit));
            }
        }

        return new NameLists(map, classes);
    }

    /// <summary>Writes the keys sorted and delta-coded (7-bit varints), then the masks.</summary>
    public void Write(BinaryWriter writer)
    {
        WriteMap(writer, _entries);
        WriteMap(writer, _caseClasses);
    }

    static void WriteMap(BinaryWriter writer, Dictionary<uint, byte> map)
    {
        var keys = map.Keys.ToArray();
        Array.Sort(keys);
        writer.Write(keys.Length);
        uint prev = 0;
        foreach (var k in keys)
        {
            writer.Write7BitEncodedInt((int)(k - prev));
            prev = k;
        }

        foreach (var k in keys)
        {
            writer.Write(map[k]);
        }
    }

    /// <summary>Reads lists written by <see cref="Write"/>.</summary>
    public static NameLists Read(BinaryReader reader) => new(ReadMap(reader), ReadMap(reader));

    static Dictionary<uint, byte> ReadMap(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        var keys = new uint[n];
        uint prev = 0;
        for (var i = 0; i < n; i++)
        {
            prev += (uint)reader.Read7BitEncodedInt();
            keys[i] = prev;
        }

        var map = new Dictionary<uint, byte>(n);
        foreach (var k in keys)
        {
            map[k] = reader.ReadByte();
        }

        return map;
    }
}
