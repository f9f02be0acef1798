using System.Buffers.Binary;
using System.Text;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx.Adaptation;

/// <summary>
/// The acoustic model's mixture weights as sphinxtrain reads them. Debian's en-US model ships them only as pocketsphinx's
/// <c>sendump</c> (each weight quantised to a byte of -log), which sphinxtrain's <c>bw</c> cannot read; this expands them
/// back into a Sphinx-III <c>mixture_weights</c> file, each senone's weights normalised per feature stream.
/// </summary>
/// <remarks>
/// Written by hand: sphinxtrain's own converter is a Python 2 script needing numpy, and nothing in the mirror reads the
/// format. The layouts follow sphinxbase's <c>bio.c</c> (header, byte-order word, dimensions, data, checksum).
/// </remarks>
internal static class MixtureWeights
{
    /// <summary>Reads <paramref name="sendumpPath"/> and writes the weights to <paramref name="outputPath"/>.</summary>
    public static (int Senones, int Streams, int Densities) FromSendump(string sendumpPath, string outputPath)
    {
        var bytes = File.ReadAllBytes(sendumpPath);
        var reader = new SendumpReader(bytes, sendumpPath);
        var weights = reader.Read();
        Write(outputPath, weights, reader.Senones, reader.Streams, reader.Densities);
        return (reader.Senones, reader.Streams, reader.Densities);
    }

    /// <summary>A Sphinx-III 3-d float file with a checksum: <paramref name="weights"/> is senone-major, then stream, then density.</summary>
    internal static void Write(string path, float[] weights, int senones, int streams, int densities)
    {
        using var file = File.Create(path);
        var header = "s3\nversion 1.0\nchksum0 yes\n";

        // The binary data starts on a 4-byte boundary, padded before "endhdr".
        var misalignment = (header.Length + "endhdr\n".Length) & 3;
        header += new string(' ', misalignment == 0 ? 0 : 4 - misalignment) + "endhdr\n";
        file.Write(Encoding.ASCII.GetBytes(header));
        var words = new List<uint> { (uint)senones, (uint)streams, (uint)densities, (uint)weights.Length };
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, 0x11223344);
        file.Write(word);
        uint checksum = 0;
        foreach (var value in words)
        {
            checksum = Accumulate(checksum, value);
            BinaryPrimitives.WriteUInt32LittleEndian(word, value);
            file.Write(word);
        }

        foreach (var weight in weights)
        {
            var bits = BitConverter.SingleToUInt32Bits(weight);
            checksum = Accumulate(checksum, bits);
            BinaryPrimitives.WriteUInt32LittleEndian(word, bits);
            file.Write(word);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(word, checksum);
        file.Write(word);
    }

    /// <summary>sphinxbase's running checksum of 4-byte words.</summary>
    private static uint Accumulate(uint sum, uint value) => ((sum << 20) | (sum >> 12)) + value;

    private sealed class SendumpReader(byte[] bytes, string path)
    {
        private int _at;
        private bool _bigEndian;

        public int Senones { get; private set; }

        public int Streams { get; private set; }

        public int Densities { get; private set; }

        public float[] Read()
        {
            _bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(bytes) > 65536;
            _ = Text();
            var (shift, clusters) = (10, 0);
            while (Text() is { } line)
            {
                var parts = line.Split(' ', 2);
                var value = parts.Length == 2 && int.TryParse(parts[1], out var v) ? v : 0;
                switch (parts[0])
                {
                    case "mixture_count": Senones = value; break;
                    case "model_count": Densities = value; break;
                    case "mixw_shift": shift = value; break;
                    case "feature_count": Streams = value; break;
                    case "cluster_count": clusters = value; break;
                }
            }

            if (clusters != 0)
            {
                throw new SpeechEngineException($"{path}: clustered mixture weights are not supported");
            }

            (Densities, Senones) = ((int)Word(), (int)Word());
            if (Senones <= 0 || Streams <= 0 || Densities <= 0 || _at + ((long)Senones * Streams * Densities) > bytes.Length)
            {
                throw new SpeechEngineException($"{path}: not a pocketsphinx sendump (senones {Senones}, streams {Streams}, densities {Densities})");
            }

            var weights = new float[Senones * Streams * Densities];
            for (var stream = 0; stream < Streams; stream++)
            {
                for (var density = 0; density < Densities; density++)
                {
                    for (var senone = 0; senone < Senones; senone++)
                    {
                        // A byte is -log base 1.0001 of the weight, shifted down.
                        weights[(((senone * Streams) + stream) * Densities) + density] = (float)Math.Pow(1.0001, -(bytes[_at++] << shift));
                    }
                }
            }

            Normalise(weights);
            return weights;
        }

        private void Normalise(float[] weights)
        {
            for (var row = 0; row < Senones * Streams; row++)
            {
                var span = weights.AsSpan(row * Densities, Densities);
                var total = 0.0;
                foreach (var w in span)
                {
                    total += w;
                }

                for (var i = 0; total > 0 && i < span.Length; i++)
                {
                    span[i] = (float)(span[i] / total);
                }
            }
        }

        private uint Word()
        {
            var span = bytes.AsSpan(_at, 4);
            _at += 4;
            return _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
        }

        /// <summary>A length-prefixed, NUL-terminated string; null for the empty one that ends the header.</summary>
        private string? Text()
        {
            var length = (int)Word();
            if (length == 0)
            {
                return null;
            }

            var text = Encoding.ASCII.GetString(bytes, _at, length - 1);
            _at += length;
            return text;
        }
    }
}
