using System.Runtime.InteropServices;

namespace Sitrep.Geo;

/// <summary>Flags of a gazetteer entry.</summary>
[Flags]
internal enum PlaceFlags : byte
{
    None = 0,
    /// <summary>Capital of its country.</summary>
    Capital = 1,
    /// <summary>Seat of a first-order division.</summary>
    AdminSeat = 2,
    /// <summary>From the curated supplement or a user file.</summary>
    Supplement = 4,
    /// <summary>Seat of a second-order division.</summary>
    Admin2Seat = 8,
    /// <summary>Historical, abandoned or destroyed place (PPLH, PPLQ, PPLW).</summary>
    Historical = 16,
    /// <summary>Section of a populated place (PPLX).</summary>
    Section = 32,
}

/// <summary>
/// The compiled gazetteer: struct-of-arrays place table plus two open-addressing hash tables (loose key to
/// places, skeleton key to loose keys), stored and loaded as flat arrays so loading is a few block reads.
/// Lookups take a <see cref="ReadOnlySpan{T}"/> key and allocate nothing.
/// </summary>
internal sealed class GazetteerIndex
{
    private const int Magic = 0x5A475453; // "STGZ"
    internal const int FormatVersion = 5;

    public required StringTable Names { get; init; }
    public required StringTable Ids { get; init; }
    public required float[] Lat { get; init; }
    public required float[] Lon { get; init; }
    public required short[] Country { get; init; }
    public required int[] Admin1 { get; init; }
    public required int[] Admin2 { get; init; }
    public required byte[] Kind { get; init; }
    public required byte[] Flags { get; init; }
    public required int[] Population { get; init; }

    /// <summary>ISO2 codes; <see cref="Country"/> indexes this.</summary>
    public required string[] CountryCodes { get; init; }
    /// <summary>Place index of each country (or -1).</summary>
    public required int[] CountryPlace { get; init; }
    /// <summary>Admin unit names (admin1 and admin2); <see cref="Admin1"/>/<see cref="Admin2"/> index this.</summary>
    public required string[] AdminNames { get; init; }
    /// <summary>Admin unit codes ("SY.09", "SY.09.169326").</summary>
    public required string[] AdminCodes { get; init; }
    /// <summary>Place index of each admin unit (or -1).</summary>
    public required int[] AdminPlace { get; init; }

    public required KeyTable Loose { get; init; }
    public required KeyTable Skeleton { get; init; }

    /// <summary>Demonym keys (loose) with their country place index, e.g. "syrian", "iraqis", "kurdish".</summary>
    public required string[] DemonymKeys { get; init; }
    public required int[] DemonymPlaces { get; init; }

    public int Count => Names.Length;

    public PlaceKind KindOf(int i) => (PlaceKind)Kind[i];

    public bool Is(int i, PlaceFlags f) => (Flags[i] & (byte)f) != 0;

    public string CountryOf(int i) => Country[i] < 0 ? "" : CountryCodes[Country[i]];

    /// <summary>The public record of entry <paramref name="i"/>.</summary>
    public Place ToPlace(int i) => new(
        Ids[i],
        Names[i],
        Math.Round(Lat[i], 5),
        Math.Round(Lon[i], 5),
        CountryOf(i),
        Admin1[i] < 0 ? null : AdminNames[Admin1[i]],
        Admin2[i] < 0 ? null : AdminNames[Admin2[i]],
        KindOf(i),
        Population[i]);

    public void Save(string path)
    {
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new BinaryWriter(fs))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            Names.Write(w);
            Ids.Write(w);
            WriteArray(w, Lat);
            WriteArray(w, Lon);
            WriteArray(w, Country);
            WriteArray(w, Admin1);
            WriteArray(w, Admin2);
            WriteArray(w, Kind);
            WriteArray(w, Flags);
            WriteArray(w, Population);
            WriteStrings(w, CountryCodes);
            WriteArray(w, CountryPlace);
            WriteStrings(w, AdminNames);
            WriteStrings(w, AdminCodes);
            WriteArray(w, AdminPlace);
            Loose.Write(w);
            Skeleton.Write(w);
            WriteStrings(w, DemonymKeys);
            WriteArray(w, DemonymPlaces);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Loads an index file; returns null when the file is of another format version.</summary>
    public static GazetteerIndex? Load(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var r = new BinaryReader(fs);
        if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
        {
            return null;
        }

        return new GazetteerIndex
        {
            Names = StringTable.Read(r),
            Ids = StringTable.Read(r),
            Lat = ReadArray<float>(r),
            Lon = ReadArray<float>(r),
            Country = ReadArray<short>(r),
            Admin1 = ReadArray<int>(r),
            Admin2 = ReadArray<int>(r),
            Kind = ReadArray<byte>(r),
            Flags = ReadArray<byte>(r),
            Population = ReadArray<int>(r),
            CountryCodes = ReadStrings(r),
            CountryPlace = ReadArray<int>(r),
            AdminNames = ReadStrings(r),
            AdminCodes = ReadStrings(r),
            AdminPlace = ReadArray<int>(r),
            Loose = KeyTable.Read(r),
            Skeleton = KeyTable.Read(r),
            DemonymKeys = ReadStrings(r),
            DemonymPlaces = ReadArray<int>(r),
        };
    }

    internal static void WriteArray<T>(BinaryWriter w, T[] a)
        where T : unmanaged
    {
        w.Write(a.Length);
        w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader r)
        where T : unmanaged
    {
        var n = r.ReadInt32();
        var a = new T[n];
        var bytes = MemoryMarshal.AsBytes(a.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var k = r.Read(bytes[read..]);
            if (k <= 0)
            {
                throw new EndOfStreamException("Truncated gazetteer index.");
            }

            read += k;
        }

        return a;
    }

    internal static void WriteStrings(BinaryWriter w, string[] s)
    {
        var offsets = new int[s.Length + 1];
        var total = 0;
        for (var i = 0; i < s.Length; i++)
        {
            offsets[i] = total;
            total += s[i].Length;
        }

        offsets[s.Length] = total;
        var chars = new char[total];
        for (var i = 0; i < s.Length; i++)
        {
            s[i].CopyTo(chars.AsSpan(offsets[i]));
        }

        WriteArray(w, offsets);
        WriteArray(w, chars);
    }

    internal static string[] ReadStrings(BinaryReader r)
    {
        var offsets = ReadArray<int>(r);
        var chars = ReadArray<char>(r);
        var s = new string[Math.Max(0, offsets.Length - 1)];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = new string(chars, offsets[i], offsets[i + 1] - offsets[i]);
        }

        return s;
    }
}

/// <summary>
/// An immutable string-keyed multimap stored as flat arrays: keys in one char array, an open-addressing
/// bucket array (key index + 1, 0 = empty) with FNV-1a hashing, and a postings array per key.
/// </summary>
internal sealed class KeyTable
{
    private readonly char[] _chars;
    private readonly int[] _keyStart;
    private readonly int[] _buckets;
    private readonly int[] _postStart;
    private readonly int[] _posts;

    private KeyTable(char[] chars, int[] keyStart, int[] buckets, int[] postStart, int[] posts)
    {
        _chars = chars;
        _keyStart = keyStart;
        _buckets = buckets;
        _postStart = postStart;
        _posts = posts;
    }

    public int KeyCount => _keyStart.Length - 1;

    public ReadOnlySpan<char> Key(int k) => _chars.AsSpan(_keyStart[k], _keyStart[k + 1] - _keyStart[k]);

    public ReadOnlySpan<int> Postings(int k) => _posts.AsSpan(_postStart[k], _postStart[k + 1] - _postStart[k]);

    /// <summary>Index of <paramref name="key"/> or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return -1;
        }

        var mask = _buckets.Length - 1;
        var b = (int)(GeoKey.Hash(key) & (uint)mask);
        while (true)
        {
            var e = _buckets[b];
            if (e == 0)
            {
                return -1;
            }

            if (Key(e - 1).SequenceEqual(key))
            {
                return e - 1;
            }

            b = (b + 1) & mask;
        }
    }

    /// <summary>Builds a table from key → postings (postings deduplicated, in insertion order).</summary>
    public static KeyTable Build(IReadOnlyList<KeyValuePair<string, List<int>>> entries)
    {
        var keyStart = new int[entries.Count + 1];
        var postStart = new int[entries.Count + 1];
        var totalChars = 0;
        var totalPosts = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            keyStart[i] = totalChars;
            postStart[i] = totalPosts;
            totalChars += entries[i].Key.Length;
            totalPosts += entries[i].Value.Count;
        }

        keyStart[entries.Count] = totalChars;
        postStart[entries.Count] = totalPosts;
        var chars = new char[totalChars];
        var posts = new int[totalPosts];
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Key.CopyTo(chars.AsSpan(keyStart[i]));
            entries[i].Value.CopyTo(posts, postStart[i]);
        }

        var size = 16;
        while (size < entries.Count * 2)
        {
            size <<= 1;
        }

        var buckets = new int[size];
        var mask = size - 1;
        for (var i = 0; i < entries.Count; i++)
        {
            var b = (int)(GeoKey.Hash(entries[i].Key) & (uint)mask);
            while (buckets[b] != 0)
            {
                b = (b + 1) & mask;
            }

            buckets[b] = i + 1;
        }

        return new KeyTable(chars, keyStart, buckets, postStart, posts);
    }

    public void Write(BinaryWriter w)
    {
        GazetteerIndex.WriteArray(w, _chars);
        GazetteerIndex.WriteArray(w, _keyStart);
        GazetteerIndex.WriteArray(w, _buckets);
        GazetteerIndex.WriteArray(w, _postStart);
        GazetteerIndex.WriteArray(w, _posts);
    }

    public static KeyTable Read(BinaryReader r) => new(
        GazetteerIndex.ReadArray<char>(r),
        GazetteerIndex.ReadArray<int>(r),
        GazetteerIndex.ReadArray<int>(r),
        GazetteerIndex.ReadArray<int>(r),
        GazetteerIndex.ReadArray<int>(r));
}

/// <summary>Strings kept as one char array plus offsets; a string is made only when asked for.</summary>
internal sealed class StringTable
{
    private readonly char[] _chars;
    private readonly int[] _offsets;

    private StringTable(char[] chars, int[] offsets)
    {
        _chars = chars;
        _offsets = offsets;
    }

    public int Length => _offsets.Length - 1;

    public string this[int i] => new(Span(i));

    public ReadOnlySpan<char> Span(int i) => _chars.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    /// <summary>Index of <paramref name="value"/> or -1 (linear scan; not for hot paths).</summary>
    public int IndexOf(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < Length; i++)
        {
            if (Span(i).SequenceEqual(value))
            {
                return i;
            }
        }

        return -1;
    }

    public static StringTable From(IReadOnlyList<string> strings)
    {
        var offsets = new int[strings.Count + 1];
        var total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            offsets[i] = total;
            total += strings[i].Length;
        }

        offsets[strings.Count] = total;
        var chars = new char[total];
        for (var i = 0; i < strings.Count; i++)
        {
            strings[i].CopyTo(chars.AsSpan(offsets[i]));
        }

        return new StringTable(chars, offsets);
    }

    public void Write(BinaryWriter w)
    {
        GazetteerIndex.WriteArray(w, _offsets);
        GazetteerIndex.WriteArray(w, _chars);
    }

    public static StringTable Read(BinaryReader r)
    {
        var offsets = GazetteerIndex.ReadArray<int>(r);
        var chars = GazetteerIndex.ReadArray<char>(r);
        return new StringTable(chars, offsets);
    }
}
