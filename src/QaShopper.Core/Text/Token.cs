namespace QaShopper.Core.Text;

/// <summary>A canonical word with the original-text span [Start, End) it stands for.</summary>
internal readonly record struct Token(string Value, int Start, int End)
{
    public bool IsDigits
    {
        get
        {
            if (Value.Length == 0)
            {
                return false;
            }

            foreach (var c in Value)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
