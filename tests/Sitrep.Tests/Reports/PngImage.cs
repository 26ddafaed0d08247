using System.Buffers.Binary;
using System.IO.Compression;

namespace Sitrep.Tests.Reports;

/// <summary>A minimal PNG reader (8-bit RGB/RGBA, non-interlaced: what Chromium writes) for checking screenshots.</summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgb)
{
    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 8;
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (pos < bytes.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0)
                {
                    throw new NotSupportedException("only 8-bit non-interlaced PNG");
                }

                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            pos += 12 + len;
        }

        var bpp = colorType switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"colour type {colorType}") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * bpp;
        var raw = new byte[height * (stride + 1)];
        var read = 0;
        while (read < raw.Length)
        {
            var n = z.Read(raw, read, raw.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var prev = new byte[stride];
        var cur = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                cur[i] = (byte)(cur[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException("filter"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                Array.Copy(cur, x * bpp, rgb, ((y * width) + x) * 3, 3);
            }

            (prev, cur) = (cur, prev);
        }

        return new PngImage(width, height, rgb);
    }

    static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Share of pixels that are not (near) white.</summary>
    public double InkShare()
    {
        var ink = 0;
        for (var i = 0; i < Rgb.Length; i += 3)
        {
            if (Rgb[i] < 235 || Rgb[i + 1] < 235 || Rgb[i + 2] < 235)
            {
                ink++;
            }
        }

        return (double)ink / (Width * Height);
    }

    /// <summary>Number of distinct colours (quantised to 4 bits per channel).</summary>
    public int Colours()
    {
        var set = new HashSet<int>();
        for (var i = 0; i < Rgb.Length; i += 3)
        {
            set.Add(((Rgb[i] >> 4) << 8) | ((Rgb[i + 1] >> 4) << 4) | (Rgb[i + 2] >> 4));
        }

        return set.Count;
    }
}
