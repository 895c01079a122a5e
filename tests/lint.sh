#!/bin/sh
# Project rules that the compiler does not check (run by `make test`, or
# alone as `make lint`). Prints "file:line: rule: what" for each finding and
# exits 1, or prints "lint: ok".
#
#  tpl-autoescape  every templates/**/*.tpl starts with
#                  {{%AUTOESCAPE context="HTML|JAVASCRIPT|CSS|JSON|XML"}}
#  sql-format      no SQL built with a format string or concatenation in cgi/:
#                  a *printf* / strcat / strncat call whose string literal has
#                  SELECT, INSERT, UPDATE, DELETE or REPLACE followed by a space
#  html-in-c       no HTML written from C in cgi/: a *printf* / resp_raw call
#                  whose string literal has '<' then a letter ("<p>", "<div", "</a")
#  raw-query       mysql_query / mysql_real_query / mysql_send_query only in
#                  cgi/core/db.c (everything else uses prepared statements)
#  atoi            no atoi( / atol( / atoll( in cgi/ (use range-checked strtoll)
#  domain-clock    service_clock_set / service_clock_real (the demo loader's
#                  replay of the past, cgi/service/clock.h) only in
#                  cgi/service/clock.[ch] and cgi/tools/: web workers never
#                  move the clock
#  zh-punct        Chinese text in cgi/ uses full-width punctuation: no ASCII
#                  , : ; ( ) ! ? right next to a Chinese character or a
#                  full-width sign inside a string literal (write ， ： ； （ ） ！ ？);
#                  "(选填)", "链接,可" and "号:" are findings, "HH:MM" and
#                  "Bearer <密钥>" are not
#
# Comments are ignored; a string literal split over several adjacent pieces
# ("SELECT" " id") is checked as one.
set -u

cd "$(dirname "$0")/.." || exit 2

status=0

# --- templates: autoescape pragma on the first line ---------------------------
pragma='^\{\{%AUTOESCAPE context="(HTML|JAVASCRIPT|CSS|JSON|XML)"( state="[A-Z_]+")?\}\}'
if [ -d templates ]; then
	tpls=$(find templates -type f -name '*.tpl' | LC_ALL=C sort)
	for f in $tpls; do
		if ! head -n 1 "$f" | grep -Eq "$pragma"; then
			echo "$f:1: tpl-autoescape:" \
			    'does not start with {{%AUTOESCAPE context="HTML"}}'
			status=1
		fi
	done
fi

# --- C sources under cgi/ -------------------------------------------------------
if [ -d cgi ]; then
	srcs=$(find cgi -type f \( -name '*.c' -o -name '*.h' -o -name '*.cc' \) | LC_ALL=C sort)
	if [ -n "$srcs" ]; then
		# shellcheck disable=SC2086
		perl -e '
use strict;
use warnings;
use Encode ();

my $bad = 0;
my $SQL  = qr/\b(?:SELECT|INSERT|UPDATE|DELETE|REPLACE) /;
my $HTML = qr/<\/?[A-Za-z]/;

sub report { my ($f, $l, $rule, $msg) = @_; print "$f:$l: $rule: $msg\n"; $bad = 1; }

# Comments become spaces (newlines kept, so line numbers hold). With
# $blank_str set, the insides of string and char literals become spaces too.
sub strip {
	my ($s, $blank_str) = @_;
	my $out = "";
	my $n = length $s;
	my $i = 0;
	while ($i < $n) {
		my $c = substr($s, $i, 1);
		my $two = substr($s, $i, 2);
		if ($two eq "/*") {
			my $e = index($s, "*/", $i + 2);
			$e = $n - 2 if $e < 0;
			(my $t = substr($s, $i, $e + 2 - $i)) =~ s/[^\n]/ /g;
			$out .= $t; $i = $e + 2;
		} elsif ($two eq "//") {
			my $e = index($s, "\n", $i);
			$e = $n if $e < 0;
			$out .= " " x ($e - $i); $i = $e;
		} elsif ($c eq "\"" || $c eq "\x27") {
			my $j = $i + 1;
			while ($j < $n) {
				my $d = substr($s, $j, 1);
				if ($d eq "\\") { $j += 2; next; }
				last if $d eq $c || $d eq "\n";
				$j++;
			}
			my $lit = substr($s, $i, $j + 1 - $i);
			if ($blank_str) {
				my $inner = substr($lit, 1, length($lit) - 2);
				$inner =~ s/[^\n]/ /g;
				$lit = $c . $inner . substr($lit, -1);
			}
			$out .= $lit; $i = $j + 1;
		} else {
			$out .= $c; $i++;
		}
	}
	return $out;
}

sub line_of { my ($s, $pos) = @_; return 1 + (substr($s, 0, $pos) =~ tr/\n//); }

# The argument text of the call whose "(" is at $open, up to its ")".
sub call_args {
	my ($s, $open) = @_;
	my ($depth, $n, $j) = (0, length $s, $open);
	while ($j < $n) {
		my $c = substr($s, $j, 1);
		if ($c eq "\"" || $c eq "\x27") {
			$j++;
			while ($j < $n && substr($s, $j, 1) ne $c) {
				$j++ if substr($s, $j, 1) eq "\\";
				$j++;
			}
		} elsif ($c eq "(") {
			$depth++;
		} elsif ($c eq ")") {
			return substr($s, $open + 1, $j - $open - 1) if --$depth == 0;
		} elsif ($c eq ";" && $depth <= 1) {
			last;
		}
		$j++;
	}
	return substr($s, $open + 1, $j - $open - 1);
}

# String literals of an argument text, adjacent pieces joined.
sub literals {
	my ($args) = @_;
	my @lits;
	while ($args =~ /((?:"(?:[^"\\\n]|\\.)*"\s*)+)/g) {
		my $run = $1;
		my $joined = "";
		$joined .= $1 while $run =~ /"((?:[^"\\\n]|\\.)*)"/g;
		push @lits, $joined;
	}
	return @lits;
}

sub excerpt {
	my ($t) = @_;
	$t =~ s/\s+/ /g;
	return length($t) > 60 ? substr($t, 0, 57) . "..." : $t;
}

for my $f (@ARGV) {
	open(my $fh, "<", $f) or do { report($f, 0, "read", "cannot open: $!"); next; };
	local $/;
	my $src = <$fh>;
	close $fh;
	my $code = strip($src, 0);   # comments gone, literals kept
	my $bare = strip($src, 1);   # comments and literal contents gone

	while ($code =~ /\b(\w*printf\w*|strn?cat|resp_raw)\s*\(/g) {
		my ($fn, $open) = ($1, $+[0] - 1);
		my $line = line_of($code, $-[0]);
		for my $lit (literals(call_args($code, $open))) {
			if ($fn ne "resp_raw" && $lit =~ $SQL) {
				report($f, $line, "sql-format", "SQL built with $fn(): \"" .
				    excerpt($lit) . "\" (use a prepared statement)");
			}
			if ($fn !~ /cat$/ && $lit =~ $HTML) {
				report($f, $line, "html-in-c", "HTML written with $fn(): \"" .
				    excerpt($lit) . "\" (use a template)");
			}
		}
	}
	if ($f ne "cgi/core/db.c") {
		while ($bare =~ /\b(mysql_(?:real_|send_)?query)\s*\(/g) {
			report($f, line_of($bare, $-[0]), "raw-query",
			    "$1() outside cgi/core/db.c (use db_query/db_exec)");
		}
	}
	while ($bare =~ /\b(atoi|atol|atoll)\s*\(/g) {
		report($f, line_of($bare, $-[0]), "atoi", "$1() (use a range-checked strtoll)");
	}
	if ($f !~ m{^cgi/(?:service/clock\.[ch]|tools/)}) {
		while ($bare =~ /\b(service_clock_(?:set|real))\b/g) {
			report($f, line_of($bare, $-[0]), "domain-clock",
			    "$1 outside cgi/tools/ (only the demo loader moves the clock)");
		}
	}
	# Chinese text: ASCII punctuation next to a CJK character or full-width sign.
	{
		my $u = Encode::decode("UTF-8", $code);
		my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}\x{2018}-\x{201d}]/;
		while ($u =~ /"((?:[^"\\\n]|\\.)*)"/g) {
			my ($lit, $at) = ($1, $-[0]);
			next unless $lit =~ $cjk;
			if ($lit =~ /(?<=$cjk)([,:;()!?])|([,:;()!?])(?=$cjk)/) {
				my $p = defined $1 ? $1 : $2;
				report($f, line_of($u, $at), "zh-punct", "half-width \"$p\" in Chinese text: \"" .
				    Encode::encode("UTF-8", excerpt($lit)) . "\" (use the full-width sign)");
			}
		}
	}
}
exit $bad;
' $srcs || status=1
	fi
fi

if [ "$status" -eq 0 ]; then
	echo "lint: ok"
fi
exit "$status"
