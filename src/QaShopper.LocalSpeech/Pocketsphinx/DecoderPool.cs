using System.Collections.Concurrent;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Lends decoders to calls. A decoder costs ~0.6 s and ~100 MB to create, so idle ones are kept and reused; at most
/// <see cref="PocketsphinxOptions.MaxDecoders"/> exist, and further calls wait for one to come back.
/// </summary>
internal sealed class DecoderPool : IDisposable
{
    private readonly Func<PocketsphinxDecoder> _factory;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PocketsphinxDecoder> _idle = [];
    private int _created;
    private bool _disposed;

    public DecoderPool(Func<PocketsphinxDecoder> factory, int maxDecoders)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDecoders);
        _factory = factory;
        _slots = new SemaphoreSlim(maxDecoders, maxDecoders);
    }

    /// <summary>Decoders created so far (for tests and diagnostics).</summary>
    public int Created => Volatile.Read(ref _created);

    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_idle.TryTake(out var decoder))
            {
                decoder = _factory();
                Interlocked.Increment(ref _created);
            }

            return new Lease(this, decoder);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }

        _slots.Dispose();
    }

    private void Return(PocketsphinxDecoder decoder, bool healthy)
    {
        if (_disposed || !healthy)
        {
            decoder.Dispose();
        }
        else
        {
            _idle.Add(decoder);
        }

        if (!_disposed)
        {
            _slots.Release();
        }
    }

    /// <summary>A borrowed decoder; disposing returns it (or drops it when <see cref="Discard"/> was called after a failure).</summary>
    public sealed class Lease(DecoderPool pool, PocketsphinxDecoder decoder) : IDisposable
    {
        private bool _healthy = true;
        private bool _returned;

        public PocketsphinxDecoder Decoder { get; } = decoder;

        /// <summary>The decoder failed mid-utterance: do not lend it again.</summary>
        public void Discard() => _healthy = false;

        public void Dispose()
        {
            if (!_returned)
            {
                _returned = true;
                pool.Return(Decoder, _healthy);
            }
        }
    }
}
