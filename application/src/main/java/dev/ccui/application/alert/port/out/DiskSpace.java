package dev.ccui.application.alert.port.out;

/** Free space of the file system that holds the data dir. */
public interface DiskSpace {

    /** Usable and total bytes; throws an unchecked exception when the store cannot be read. */
    Usage usage();

    record Usage(long usableBytes, long totalBytes) {
        public double usableRatio() {
            return totalBytes <= 0 ? 1.0 : (double) usableBytes / totalBytes;
        }
    }
}
