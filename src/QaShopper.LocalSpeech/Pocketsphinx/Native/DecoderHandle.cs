using Microsoft.Win32.SafeHandles;

namespace QaShopper.LocalSpeech.Pocketsphinx.Native;

/// <summary>Owns a <c>ps_decoder_t</c>: freed exactly once, even when the owner forgets to dispose it.</summary>
internal sealed class DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    public static DecoderHandle FromPointer(IntPtr pointer)
    {
        var handle = new DecoderHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => PocketsphinxNative.Free(handle) >= 0;
}
