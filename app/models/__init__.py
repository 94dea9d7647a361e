"""Domain model of a transfer: archive units, data objects, metadata, messages. No Qt here."""
