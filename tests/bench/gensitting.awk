# gensitting.awk: writes a parliament's sitting day as a web page of about
# `bytes` bytes (default 3 MiB), the same on every run, for the web page
# rows of the benchmark: an ASP.NET form with its view state, a cookie
# notice, navigation, a long sidebar of sitting days and a table of
# contents around the report; scripts in the head and at the end. The
# report: debates (<h2>), times of day (<h3>), contributions whose labels
# take the three shapes pages use (<strong>Name:</strong> text,
# <b>NAME</b>: text, a label in its own paragraph before the speech),
# procedural lines in italics and division lists as tables.
#
# Usage: awk -v bytes=3145728 -f tests/bench/gensitting.awk > page.html

# A number from 0 to n - 1 (Park and Miller's generator: exact in the
# doubles of every awk, so every awk writes the same page).
function rnd(n) {
	seed = (seed * 16807) % 2147483647
	return int(seed / 2147483647 * n)
}

function out(s) {
	printf "%s", s
	written += length(s) + 0
}

# A sentence of the debate, of about nw words.
function sentence(nw,    s, i, w) {
	s = opener[rnd(nopener) + 1]
	for (i = 0; i < nw; i++) {
		w = word[rnd(nword) + 1]
		s = s " " w
		if (rnd(9) == 0 && i + 1 < nw)
			s = s ","
	}
	return s (rnd(6) == 0 ? "?" : ".")
}

function speech(n,    s, i) {
	s = sentence(8 + rnd(20))
	for (i = 1; i < n; i++)
		s = s " " sentence(6 + rnd(24))
	return s
}

BEGIN {
	if (bytes == "")
		bytes = 3145728
	seed = 20240604
	nmember = split("Mr Speaker|Ms Hale|Mr Okafor|Dr Lindqvist|Mrs Abara|" \
	    "Mr Dunne|Ms O'Brien|Sir Peter Vane|Mrs Kowalczyk|Mr Achterberg|" \
	    "Ms Ní Bhriain|Mr Søndergaard|Dame Ruth Ellery|Mr Mbeki-Hart|" \
	    "Miss Varga|Lord Tennant|Mr Castellanos|Ms Whitlock", member, "|")
	nseat = split("North Bay|Harbourside|Lower Fenwick|Crane Hill|" \
	    "St Anselm's|Westmoor", seat, "|")
	nword = split("the|harbour|board|has|not|yet|answered|question|of|" \
	    "night|shift|pay|and|inshore|fleet|which|under|ten|metres|is|" \
	    "exempt|from|quota|that|my|constituents|were|promised|in|this|" \
	    "House|last|year|Minister|will|know|amendment|commend|licences|" \
	    "coastguard|ferries|timetable|winter|storms|damage|sea|wall|" \
	    "funding|three|million|pounds|over|two|years|Government|" \
	    "accept|reject|review|consultation|closed|ports|authority|" \
	    "dockers|cranes|contract|fair|number|later|slower|honourable|" \
	    "Member|Gentleman|Lady|right|point|order|clause|schedule", word, "|")
	nopener = split("I thank the Member for that.|" \
	    "The Minister will be aware,|Let me be clear:|" \
	    "With respect,|On that point,|I am grateful.|" \
	    "Further to that,|In answer to the question,", opener, "|")

	out("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n")
	out("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>\n")
	out("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n")
	out("<title>Official Report: Tuesday 4 June - Sitting Day | The Assembly</title>\n")
	out("<link rel=\"stylesheet\" href=\"/css/site.css\" />\n")
	for (i = 0; i < 30; i++)
		out(sprintf("<script type=\"text/javascript\">var cfg%d = {\"a\": [1, 2, 3], \"html\": \"<p>not shown</p>\", \"i\": %d}; function f%d(x) { return x < %d && x > 0; }</script>\n", i, i, i, i))
	out("<style type=\"text/css\">body { font-family: Georgia, serif } .hidden { display: none } #sidebar li { margin: 0 }</style>\n")
	out("</head><body>\n")
	out("<form method=\"post\" action=\"./Sitting.aspx?d=2024-06-04\" id=\"aspnetForm\">\n")
	out("<div class=\"aspNetHidden\"><input type=\"hidden\" name=\"__VIEWSTATE\" id=\"__VIEWSTATE\" value=\"")
	for (i = 0; i < 700; i++)
		out("dDwtMTA4MzE0MjEwNTs7PnRoZSB2aWV3IHN0YXRlIG9mIHRoZSBwYWdlIGlzIGxvbmc")
	out("\" /></div>\n")
	out("<div id=\"cookie-banner\" class=\"cookie-consent\">We use cookies to make this site work. <button>Accept all</button> <button>Reject</button></div>\n")
	out("<div id=\"header\" class=\"masthead\"><a href=\"#content\" class=\"skip-link\">Skip to main content</a><div class=\"navbar\"><ul>\n")
	for (i = 0; i < 60; i++)
		out(sprintf("<li><a href=\"/section/%d\">Section %d</a></li>\n", i, i))
	out("</ul></div><div class=\"breadcrumb\"><a href=\"/\">Home</a> &gt; <a href=\"/report\">Official Report</a> &gt; 4 June</div></div>\n")
	out("<div id=\"wrapper\"><div id=\"sidebar\" class=\"sidebar\"><h3>Sitting days</h3><ul>\n")
	for (i = 0; i < 500; i++)
		out(sprintf("<li><a href=\"/report/day/%d\">Sitting of day %d of the session</a></li>\n", i, i))
	out("</ul></div>\n")
	out("<div id=\"content\" class=\"hansard-content\"><h1>Official Report: Tuesday 4 June</h1>\n")
	out("<div class=\"toc\"><h2>Contents</h2><ul>\n")
	for (i = 1; i <= 30; i++)
		out(sprintf("<li><a href=\"#s%d\">Item %d</a></li>\n", i, i))
	out("</ul></div>\n")
	out("<h2 id=\"s0\">Prayers</h2>\n<p><em>The Assembly met at 10.30 am (Mr Speaker in the Chair).</em></p>\n")

	n = 0; sec = 0; hour = 10; minute = 30
	while (written < bytes - 4096) {
		if (n % 300 == 0) {
			sec++
			out(sprintf("<h2 id=\"s%d\">Item %d: The %s Bill, Second Stage</h2>\n", sec, sec, word[rnd(nword) + 1]))
		}
		if (n % 25 == 0) {
			minute += 5 + rnd(10)
			if (minute >= 60) { minute -= 60; hour++ }
			out(sprintf("<h3 class=\"time\">%d.%02d %s</h3>\n", (hour - 1) % 12 + 1, minute, hour < 12 ? "am" : "pm"))
		}
		who = member[rnd(nmember) + 1]
		k = rnd(10)
		s = "<div class=\"contribution\" id=\"c" n "\">"
		if (k < 5)
			s = s sprintf("<p><strong>%s (%s):</strong> %s</p>", who, seat[rnd(nseat) + 1], speech(1 + rnd(6)))
		else if (k < 8)
			s = s sprintf("<p><b>%s</b>: %s</p>", toupper(who), speech(1 + rnd(6)))
		else
			s = s sprintf("<p class=\"speaker\"><strong>%s</strong></p><p>%s</p>", who, speech(1 + rnd(6)))
		if (rnd(4) == 0)
			s = s "<p>" speech(1 + rnd(4)) "</p>"
		out(s "</div>\n")
		if (rnd(40) == 0)
			out("<p><em>Question put and agreed to.</em></p>\n")
		if (rnd(150) == 0) {
			s = "<table class=\"division\"><caption>Division</caption><tr><th>Ayes</th><th>Noes</th></tr>"
			for (i = 0; i < 20; i++)
				s = s "<tr><td>" member[rnd(nmember) + 1] "</td><td>" member[rnd(nmember) + 1] "</td></tr>"
			out(s "</table>\n")
		}
		n++
	}
	out("<p><em>Adjourned at 10.02 pm.</em></p></div></div>\n")
	out("<div id=\"footer\" class=\"footer\"><p>Published by the Clerk. <a href=\"/contact\">Contact us</a> | <a href=\"/privacy\">Privacy</a></p></div>\n")
	out("</form>\n")
	for (i = 0; i < 10; i++)
		out(sprintf("<script>window.dataLayer = window.dataLayer || []; dataLayer.push({\"event\": \"view%d\"});</script>\n", i))
	out("</body></html>\n")
}
