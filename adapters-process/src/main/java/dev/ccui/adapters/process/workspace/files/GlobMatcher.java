package dev.ccui.adapters.process.workspace.files;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One {@code .gitignore} glob, matched without backtracking: the glob is a small automaton (one
 * state per token) and matching walks the name once, keeping the set of states it can be in. The
 * time is at most name length × pattern length, so a hostile line such as
 * {@code **a**a**a**a**a**a**a**a**a**a**b} against a long name costs microseconds, where a
 * translated regular expression backtracks for minutes.
 *
 * <p>Tokens: a character or class or {@code ?} (one character, never {@code /}); {@code *} (any
 * run without {@code /}); {@code **} (any run); {@code **}{@code /} (nothing, or any run ending in
 * {@code /}: zero or more whole folders).
 */
final class GlobMatcher {
    /** {@code **}{@code /} is two states: a fork (skip it, or enter the loop) and the loop that leaves on a {@code /}. */
    private enum Kind {
        ONE,
        STAR,
        ANY,
        DIRS_FORK,
        DIRS_LOOP
    }

    private record Token(Kind kind, CharClass chars) {}

    /** A set of characters: a single one, any but {@code /}, or a bracket class. */
    private record CharClass(char single, boolean anyButSlash, List<char[]> ranges, boolean negated) {
        boolean matches(char c) {
            if (anyButSlash) {
                return c != '/';
            }
            if (ranges == null) {
                return c == single;
            }
            if (c == '/') {
                return false;
            }
            boolean in = false;
            for (char[] range : ranges) {
                if (c >= range[0] && c <= range[1]) {
                    in = true;
                    break;
                }
            }
            return in != negated;
        }
    }

    private final Token[] tokens;

    private GlobMatcher(List<Token> tokens) {
        this.tokens = tokens.toArray(Token[]::new);
    }

    static GlobMatcher compile(String glob) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        tokens.add(new Token(Kind.DIRS_FORK, null));
                        tokens.add(new Token(Kind.DIRS_LOOP, null));
                    } else {
                        tokens.add(new Token(Kind.ANY, null));
                    }
                    i += slashAfter ? 2 : 1;
                } else {
                    tokens.add(new Token(Kind.STAR, null));
                }
            } else if (c == '?') {
                tokens.add(new Token(Kind.ONE, new CharClass('\0', true, null, false)));
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                i = bracket(glob, i, tokens);
            } else if (c == '\\' && i + 1 < glob.length()) {
                tokens.add(literal(glob.charAt(++i)));
            } else {
                tokens.add(literal(c));
            }
        }
        return new GlobMatcher(tokens);
    }

    private static Token literal(char c) {
        return new Token(Kind.ONE, new CharClass(c, false, null, false));
    }

    /** {@code [...]} with ranges and {@code !}/{@code ^} negation; returns the index of the closing bracket. */
    private static int bracket(String glob, int open, List<Token> tokens) {
        int i = open + 1;
        boolean negated = glob.charAt(i) == '!' || glob.charAt(i) == '^';
        if (negated) {
            i++;
        }
        List<char[]> ranges = new ArrayList<>();
        boolean first = true;
        while (i < glob.length() && (glob.charAt(i) != ']' || first)) {
            char from = glob.charAt(i);
            if (from == '\\' && i + 1 < glob.length()) {
                from = glob.charAt(++i);
            }
            char to = from;
            if (i + 2 < glob.length() && glob.charAt(i + 1) == '-' && glob.charAt(i + 2) != ']') {
                to = glob.charAt(i + 2);
                i += 2;
            }
            ranges.add(new char[] {from, to});
            first = false;
            i++;
        }
        if (i >= glob.length()) {
            // No closing bracket after all: the bracket is a plain character.
            tokens.add(literal('['));
            return open;
        }
        tokens.add(new Token(Kind.ONE, new CharClass('\0', false, ranges, negated)));
        return i;
    }

    boolean matches(String name) {
        int n = tokens.length;
        BitSet current = new BitSet(n + 1);
        BitSet next = new BitSet(n + 1);
        current.set(0);
        close(current);
        for (int p = 0; p < name.length() && !current.isEmpty(); p++) {
            char c = name.charAt(p);
            next.clear();
            for (int s = current.nextSetBit(0); s >= 0 && s < n; s = current.nextSetBit(s + 1)) {
                Token token = tokens[s];
                switch (token.kind()) {
                    case ONE -> {
                        if (token.chars().matches(c)) {
                            next.set(s + 1);
                        }
                    }
                    case STAR -> {
                        if (c != '/') {
                            next.set(s);
                        }
                    }
                    case ANY -> next.set(s);
                    case DIRS_FORK -> {
                        // consumes nothing: its successors are already in the set
                    }
                    case DIRS_LOOP -> {
                        next.set(s);
                        if (c == '/') {
                            next.set(s + 1);
                        }
                    }
                }
            }
            BitSet swap = current;
            current = next;
            next = swap;
            close(current);
        }
        return current.get(n);
    }

    /** Adds the states reachable without a character: every star may match nothing. */
    private void close(BitSet states) {
        for (int s = 0; s < tokens.length; s++) {
            if (!states.get(s)) {
                continue;
            }
            switch (tokens[s].kind()) {
                case STAR, ANY -> states.set(s + 1);
                case DIRS_FORK -> {
                    states.set(s + 1);
                    states.set(s + 2);
                }
                default -> {
                    // ONE and DIRS_LOOP need a character
                }
            }
        }
    }
}
