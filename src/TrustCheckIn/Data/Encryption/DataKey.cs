namespace TrustCheckIn.Data.Encryption;

// A data key as the database keeps it when keys are shared (SharedState): wrapped by the master key, never
// in the clear. Erasure empties Wrapped and keeps the row as the marker that says the words were erased on purpose.
// Rows are written by DataKeyTable in SQL, inside the transaction of the words they encrypt.
public sealed class DataKey
{
    public const int IdLength = SealedText.KeyIdLength;
    public const int OwnerLength = 500;
    public const int MasterKeyIdLength = 32;
    public const int WrappedLength = 128;

    private DataKey()
    {
    }

    public string Id { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public string MasterKeyId { get; private set; } = "";

    public string Wrapped { get; private set; } = "";

    public DateTime Created { get; private set; }

    public DateTime? ErasedAt { get; private set; }
}
