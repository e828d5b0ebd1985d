package dev.evident.ingest.pprof;

/** Bytes that are not the protobuf a pprof profile must be; the message names the offset. */
final class ProtoFormatException extends Exception {
    ProtoFormatException(String message) {
        super(message);
    }
}
