package dev.syllabus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syllabus.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A subscription's host is resolved when it is saved, and must be on the public internet. */
class SubscriptionHostTest {

    @Test
    void aSubscriptionsHostMustResolveToPublicAddressesOnly() {
        assertThatThrownBy(() -> WebhookService.requirePublic("https://127.0.0.1/hook"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("127.0.0.1, which is not a public address");
        assertThatThrownBy(() -> WebhookService.requirePublic("https://[::ffff:169.254.169.254]/latest/meta-data"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("not a public address");
        // .invalid never resolves (RFC 2606); the check gives up after two seconds at most.
        long started = System.nanoTime();
        assertThatThrownBy(() -> WebhookService.requirePublic("https://hooks.example.invalid/x"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("hooks.example.invalid");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
    }
}
