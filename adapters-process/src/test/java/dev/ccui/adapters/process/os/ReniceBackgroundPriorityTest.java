package dev.ccui.adapters.process.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A thread that lowers itself runs at nice 4 in the kernel's eyes; its siblings keep theirs. */
class ReniceBackgroundPriorityTest {
    private final ReniceBackgroundPriority priority = new ReniceBackgroundPriority();

    @Test
    void theCallingThreadAloneIsLowered() throws Exception {
        int before = niceOfCurrentThread();
        AtomicInteger lowered = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger sibling = new AtomicInteger(Integer.MIN_VALUE);

        Thread background = Thread.ofPlatform().start(() -> {
            priority.lowerCurrentThread();
            lowered.set(niceOfCurrentThread());
        });
        background.join();
        Thread other = Thread.ofPlatform().start(() -> sibling.set(niceOfCurrentThread()));
        other.join();

        assertThat(lowered.get()).isEqualTo(Math.max(before, ReniceBackgroundPriority.NICE));
        assertThat(sibling.get()).as("a thread that did not ask").isEqualTo(before);
        assertThat(niceOfCurrentThread()).as("the caller of the test").isEqualTo(before);
    }

    @Test
    void reniceGetsNothingOfTheServersEnvironmentButItsPath() {
        ProcessBuilder command = ReniceBackgroundPriority.command("1234");

        assertThat(command.environment().keySet()).isSubsetOf("PATH");
        assertThat(command.command()).containsExactly("renice", "-n", "4", "-p", "1234");
    }

    /** Field 19 of /proc/thread-self/stat (after the command name, which may hold spaces). */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
