"""The IRI path segment actorgraph makes of an id, as src/export/iri.cc IriSegment does:
unreserved ASCII and existing %XX escapes kept, every other byte percent-encoded. The
checks use it to find an actor's JSON-LD node from its id in another format."""

UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
HEX_DIGITS = set(b"0123456789ABCDEFabcdef")


def iri_segment(text):
    """The segment for `text`: "hand made" -> "hand%20made"."""
    if text in (".", ".."):
        return "%2E" * len(text)
    data = text.encode("utf-8")
    out = []
    for i, byte in enumerate(data):
        kept_escape = (byte == ord("%") and i + 2 < len(data)
                       and data[i + 1] in HEX_DIGITS and data[i + 2] in HEX_DIGITS)
        out.append(chr(byte) if byte in UNRESERVED or kept_escape else "%%%02X" % byte)
    return "".join(out)
