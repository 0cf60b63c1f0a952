namespace Assignment1.Configuration;

/// <summary>A config file is missing, malformed, or has a wrong, unknown or missing key; the message names the file and key.</summary>
public sealed class ConfigException(string message) : Exception(message);
