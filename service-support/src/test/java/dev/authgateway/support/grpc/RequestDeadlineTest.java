package dev.authgateway.support.grpc;

import java.time.Duration;

import io.grpc.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestDeadlineTest {

    @Test
    void givenWorkWithinTheBudget_thenItsValueAndNotExpired() {
        RequestDeadline.Timed<String> run = RequestDeadline.run(Duration.ofSeconds(5), () -> "done");

        assertThat(run.value()).isEqualTo("done");
        assertThat(run.expired()).isFalse();
    }

    @Test
    void givenWorkInsideTheBudget_thenGrpcCallsSeeItsDeadline() {
        RequestDeadline.Timed<Boolean> run = RequestDeadline.run(Duration.ofSeconds(5),
                () -> Context.current().getDeadline() != null);

        assertThat(run.value()).isTrue();
        assertThat(Context.current().getDeadline()).isNull();
    }

    @Test
    void givenWorkOutlivingTheBudget_thenExpiredAndItsCallsCancelled() {
        RequestDeadline.Timed<Boolean> run = RequestDeadline.run(Duration.ofMillis(50), () -> {
            Context context = Context.current();
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            return true;
        });

        assertThat(run.value()).isTrue();
        assertThat(run.expired()).isTrue();
    }
}
