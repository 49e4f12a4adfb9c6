package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogDurationTest {
    @Test
    void durationsReadAsMillisecondsWithOneDecimal() {
        assertThat(HttpServer.tenths(0.0)).isEqualTo("0.0");
        assertThat(HttpServer.tenths(0.04)).isEqualTo("0.0");
        assertThat(HttpServer.tenths(0.05)).isEqualTo("0.1");
        assertThat(HttpServer.tenths(12.34)).isEqualTo("12.3");
        assertThat(HttpServer.tenths(999.96)).isEqualTo("1000.0");
        assertThat(HttpServer.tenths(123456.7)).isEqualTo("123456.7");
    }
}
