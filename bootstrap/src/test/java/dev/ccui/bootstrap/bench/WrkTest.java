package dev.ccui.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkTest {
    @Test
    void readsRatePercentilesAndTheStatusCheckOfARun() {
        Wrk.Result result = Wrk.parse("""
                Running 8s test @ http://127.0.0.1:38517/api/projects
                  2 threads and 50 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    36.32ms   13.18ms  1.81s    70.83%
                    Req/Sec   312.70     66.91   480.00     75.00%
                  Latency Distribution
                     50%  850.00us
                     75%    8.27ms
                     90%   10.80ms
                     99%    1.51s
                  8626 requests in 8.01s, 318.25KB read
                  Socket errors: connect 0, read 2, write 0, timeout 17
                  Non-2xx or 3xx responses: 626
                Requests/sec:   1076.89
                Transfer/sec:    316.06KB
                status-check: 8626 responses, 626 not 2xx
                """);

        assertThat(result.requestsPerSecond()).isEqualTo(1076.89);
        assertThat(result.p50Ms()).isEqualTo(0.85);
        assertThat(result.p99Ms()).isEqualTo(1510.0);
        assertThat(result.responses()).isEqualTo(8626);
        assertThat(result.not2xx()).isEqualTo(626);
        assertThat(result.timeouts()).isEqualTo(17);
        assertThat(result.socketErrors()).isEqualTo(2);
    }

    @Test
    void withoutTheScriptReadsWrksOwnCountsOfAnswersAndErrorStatuses() {
        Wrk.Result result = Wrk.parse("""
                Running 8s test @ http://127.0.0.1:38517/api/health
                  2 threads and 50 connections
                  Latency Distribution
                     50%    2.10ms
                     99%   12.06ms
                  153846 requests in 8.00s, 40.12MB read
                  Non-2xx or 3xx responses: 12
                Requests/sec:  19232.77
                Transfer/sec:      5.01MB
                """);

        assertThat(result.responses()).isEqualTo(153_846);
        assertThat(result.not2xx()).isEqualTo(12);
        assertThat(result.p99Ms()).isEqualTo(12.06);
        assertThat(Wrk.parse(result.output().replace("  Non-2xx or 3xx responses: 12\n", ""))
                        .not2xx())
                .isZero();
    }

    @Test
    void aRunWithoutAnyAnswerHasNoLatency() {
        Wrk.Result result = Wrk.parse("""
                Running 3s test @ http://127.0.0.1:38519/
                  2 threads and 4 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     0.00us    0.00us   0.00us    -nan%
                    Req/Sec     0.00      0.00     0.00      -nan%
                  Latency Distribution
                     50%    0.00us
                     75%    0.00us
                     90%    0.00us
                     99%    0.00us
                  0 requests in 3.01s, 0.00B read
                Requests/sec:      0.00
                Transfer/sec:       0.00B
                status-check: 0 responses, 0 not 2xx
                """);

        assertThat(result.requestsPerSecond()).isZero();
        assertThat(result.responses()).isZero();
        assertThat(result.p99Ms()).isNaN();
    }
}
