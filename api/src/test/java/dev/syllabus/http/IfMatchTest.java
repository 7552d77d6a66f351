package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syllabus.domain.DomainException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** If-Match as RFC 9110 reads it (a list of entity tags, compared strongly), decided directly. */
class IfMatchTest {

    private record Tag(String opaque, boolean weak) {
        String written() {
            return (weak ? "W/" : "") + '"' + opaque + '"';
        }
    }

    /** A list of tags, and the resource's current tag: one of the list's (strong or weak) or any other. */
    private record Case(List<Tag> tags, Tag current) {}

    @Property(tries = 500)
    void aListAdmitsExactlyTheStrongTagsItNames(@ForAll("cases") Case given, @ForAll("separators") String separator) {
        List<Tag> tags = given.tags();
        Tag current = given.current();
        IfMatch condition = IfMatch.parse(tags.stream().map(Tag::written).collect(Collectors.joining(separator)));

        Set<String> strong =
                tags.stream().filter(tag -> !tag.weak()).map(Tag::opaque).collect(Collectors.toSet());
        boolean named = strong.contains(current.opaque());
        assertThat(condition.any()).isFalse();
        assertThat(condition.strongTags()).isEqualTo(strong);
        assertThat(condition.admits(current.opaque())).isEqualTo(named);
        assertThat(condition.admitsAny(current.opaque()::equals)).isEqualTo(named);
        // Both answers are tried often (about a quarter and three quarters), not by chance.
        Statistics.label("current tag named strongly").collect(named);
        Statistics.label("current tag named strongly").coverage(coverage -> {
            coverage.check(true).percentage(percent -> percent > 10);
            coverage.check(false).percentage(percent -> percent > 10);
        });
    }

    @Test
    void noHeaderABlankOneOrAStarAdmitWhateverIsCurrent() {
        for (String header : new String[] {null, "", "  ", "*", " * "}) {
            assertThat(IfMatch.parse(header).admits("3f2a9c1d0b7e4a65"))
                    .as(header)
                    .isTrue();
            assertThat(IfMatch.parse(header).admitsAny(tag -> false)).as(header).isTrue();
        }
    }

    @Test
    void aWeakTagNeverMatchesNotEvenItsOwnVersion() {
        assertThat(IfMatch.parse("W/\"3f2a\"").admits("3f2a")).isFalse();
        assertThat(IfMatch.parse("W/\"3f2a\", \"3f2a\"").admits("3f2a")).isTrue();
    }

    @Test
    void somethingThatIsNotAListOfQuotedTagsIsRefusedNamingTheHeader() {
        for (String header : new String[] {
            "3f2a9c1d0b7e4a65",
            "\"3f2a",
            "\"a\" \"b\"",
            "\"a\";\"b\"",
            "w/\"a\"",
            "\"a\", *",
            "\"a\"\n",
            "\"a b\"",
            "\"a\",",
            "\"caf\u00e9\""
        }) {
            assertThatThrownBy(() -> IfMatch.parse(header))
                    .as(header)
                    .isInstanceOfSatisfying(DomainException.class, refused -> assertThat(refused.errors())
                            .extracting(DomainException.FieldError::field)
                            .containsExactly(IfMatch.HEADER));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return tags().flatMap(
                        tags -> Arbitraries.oneOf(Arbitraries.of(tags), tag()).map(current -> new Case(tags, current)));
    }

    @Provide
    Arbitrary<List<Tag>> tags() {
        return tag().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Tag> tag() {
        // etagc: any visible ASCII but the double quote, commas included.
        Arbitrary<String> opaque = Arbitraries.strings()
                .withCharRange('!', '!')
                .withCharRange('#', '~')
                .ofMaxLength(12);
        return Combinators.combine(opaque, Arbitraries.of(true, false)).as(Tag::new);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(",", ", ", " ,", " , ", ",\t");
    }
}
