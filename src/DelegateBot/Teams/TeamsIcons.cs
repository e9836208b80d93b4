using System.Globalization;

namespace DelegateBot.Teams;

/// <summary>
/// The two icons a Teams app package needs, drawn in code: a speech bubble with three dots. The colour icon is
/// 192×192 on the accent colour; the outline icon is 32×32, white on transparent (Teams accepts nothing else).
/// Edges are anti-aliased by 4×4 supersampling.
/// </summary>
public static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;
    private const int Samples = 4;

    public static byte[] Color(string accentColor)
    {
        var accent = ParseColor(accentColor);
        return Draw(ColorSize, (x, y) =>
        {
            var bubble = Coverage(ColorSize, x, y, InBubble);
            var dots = Coverage(ColorSize, x, y, InDot);
            var white = bubble * (1 - dots);
            return (Mix(accent.R, white), Mix(accent.G, white), Mix(accent.B, white), 255);
        });
    }

    public static byte[] Outline() => Draw(OutlineSize, (x, y) =>
    {
        const double stroke = 0.075; // about 2.4 px at 32 px
        var line = Coverage(OutlineSize, x, y, (u, v) => InBubble(u, v) && !Eroded(u, v, stroke));
        var dots = Coverage(OutlineSize, x, y, InDot);
        return (255, 255, 255, (byte)Math.Round(255 * Math.Max(line, dots)));
    });

    /// <summary>"#RRGGBB" as bytes; the manifest's accentColor uses the same form.</summary>
    public static (byte R, byte G, byte B) ParseColor(string hex)
    {
        if (hex is not ['#', _, _, _, _, _, _] || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB.");
        return ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    private static byte Mix(byte from, double toWhite) => (byte)Math.Round(from + (255 - from) * toWhite);

    private static byte[] Draw(int size, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var (r, g, b, a) = pixel(x, y);
            var i = (y * size + x) * 4;
            (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, a);
        }
        return PngEncoder.Encode(size, size, rgba);
    }

    /// <summary>The share of pixel (x, y) inside a shape given in unit coordinates.</summary>
    private static double Coverage(int size, int x, int y, Func<double, double, bool> inside)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        for (var sx = 0; sx < Samples; sx++)
            if (inside((x + (sx + 0.5) / Samples) / size, (y + (sy + 0.5) / Samples) / size)) hits++;
        return hits / (double)(Samples * Samples);
    }

    /// <summary>The bubble: a rounded rectangle and its tail at the lower left.</summary>
    private static bool InBubble(double u, double v) => InRoundedRect(u, v, 0.16, 0.20, 0.84, 0.66, 0.12) || InTail(u, v);

    private static bool InRoundedRect(double u, double v, double left, double top, double right, double bottom, double radius)
    {
        if (u < left || u > right || v < top || v > bottom) return false;
        var cx = Math.Clamp(u, left + radius, right - radius);
        var cy = Math.Clamp(v, top + radius, bottom - radius);
        return (u - cx) * (u - cx) + (v - cy) * (v - cy) <= radius * radius;
    }

    private static bool InTail(double u, double v)
    {
        // Triangle (0.28, 0.62) – (0.46, 0.62) – (0.24, 0.82), by the signs of the three edge functions.
        static double Edge(double ax, double ay, double bx, double by, double px, double py) => (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        var d1 = Edge(0.28, 0.62, 0.46, 0.62, u, v);
        var d2 = Edge(0.46, 0.62, 0.24, 0.82, u, v);
        var d3 = Edge(0.24, 0.82, 0.28, 0.62, u, v);
        return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
    }

    /// <summary>True when every point <paramref name="d"/> away in eight directions is inside too (the bubble shrunk by d).</summary>
    private static bool Eroded(double u, double v, double d)
    {
        var diagonal = d / Math.Sqrt(2);
        return InBubble(u - d, v) && InBubble(u + d, v) && InBubble(u, v - d) && InBubble(u, v + d)
               && InBubble(u - diagonal, v - diagonal) && InBubble(u + diagonal, v - diagonal)
               && InBubble(u - diagonal, v + diagonal) && InBubble(u + diagonal, v + diagonal);
    }

    private static bool InDot(double u, double v)
    {
        foreach (var cx in (double[])[0.34, 0.50, 0.66])
            if ((u - cx) * (u - cx) + (v - 0.43) * (v - 0.43) <= 0.05 * 0.05) return true;
        return false;
    }
}
