package org.safepassage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.YamlSource;

/**
 * A scenario given as {@code -}: read whole from standard input (UTF-8, at most the size of a
 * scenario file); relative paths in it ({@code extends:}, maps) are from the working directory.
 */
record StdinScenario(String text, String sha256) {

    /** The argument that means standard input. */
    static final Path DASH = Path.of("-");
    /** How standard input is named in messages. */
    static final String LABEL = "(stdin)";

    static boolean isDash(Path file) {
        return DASH.equals(file);
    }

    /** Reads it all; a problem at (stdin) when it is too large or not UTF-8. */
    static StdinScenario read(InputStream in) throws InvalidInputException, IOException {
        byte[] bytes = in.readNBytes((int) YamlSource.MAX_FILE_BYTES + 1);
        if (bytes.length > YamlSource.MAX_FILE_BYTES) {
            throw new InvalidInputException(List.of(new Problem(LABEL, 0, 0, "", "more than "
                    + YamlSource.MAX_FILE_BYTES + " bytes", "at most " + YamlSource.MAX_FILE_BYTES + " bytes")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(new Problem(LABEL, 0, 0, "", "input is not valid UTF-8 text",
                    "a UTF-8 YAML scenario")));
        }
        return new StdinScenario(text, Manifest.sha256(bytes));
    }
}
