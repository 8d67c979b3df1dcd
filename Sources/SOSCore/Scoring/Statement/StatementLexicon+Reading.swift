/// The word lists that read a statement's acts rather than its words: apologies in
/// other words, denials and refusals, polite hostility and blame, stock phrases,
/// channel duties and what makes a text a statement at all (syntax in
/// `StatementPattern`).
extension StatementLexicon {
  // MARK: - Acts in other words

  /// Apologies without "sorry" (facilitator-guide/scoring.md §14.4).
  static let apologyParaphrase = [
    "we got this|it|that|things|everything wrong", "we got * wrong", "we got * * wrong",
    "we let you|our|customers|them|people|everyone down", "we let * * down",
    "we have let you|our|them|everyone down", "this|that|it is|was on us", "there is no excuse",
    "we were wrong", "we have been wrong", "my|our apologies", "we say sorry",
    "please accept our|my apologies|apology", "forgive us", "it is|was our fault",
    "this is|was our fault", "the fault is|was ours", "should never have happened",
    "we owe you|everyone|customers an apology", "we apologize|apologise unreservedly",
    "we messed|screwed up", "we made a mess", "we dropped the ball", "our bad",
    "we make|made mistake|mistakes", "we make|made a mistake",
  ]

  /// Instructions in polite, plain or non-native forms, beyond `imperatives`.
  static let instructionParaphrase = [
    "=please =not <act>", "=please =no <act>", "=please =do =not <act>", "=hold off",
    "=be wary|careful|aware|alert|cautious", "=watch out|for", "=look out|for",
    "=try again|later", "=please try|use|pay|go|call|come|keep|check|wait|stay|bring|book",
    "=kindly do =not? <act>", "=you =should =not <act>", "=you =must =not <act>",
    "=please <act>", "=reach me|us", "=you =can =reach|call|email|ring|contact|find|get|book",
    "=never share|give|click|reply|send|enter|pay",
  ]

  /// Instructions that work against the reader: they are not what to do.
  static let counterproductive = [
    "=keep retrying|trying|refreshing|resubmitting|using|eating|driving|calling",
    "=continue to use|retry|try|eat|drive", "=continue using|retrying|eating|driving",
    "=carry on using|eating|driving", "=retry|resubmit|refresh again|repeatedly",
    "=do =not contact|call|email|ring|visit|message|phone|text|write|tag|dm|reply|talk us|our|this|again",
    "=do =not contact|call|email|ring|visit|message|phone|text|write|reply|talk|speak|come to|back us|our",
    "=never contact|call|email|ring|visit us|our", "=stop contacting|calling|emailing|messaging us",
    "=do =not call|contact|ring|email|phone|message the|our * line|desk|team|helpline|number|office|store|branch",
    "=do =not call|contact|ring|email|phone|message the|our line|desk|team|helpline|number|office|store|branch",
    "=you =do =not =need to stop|avoid|return|unplug|discard|change|check|reset",
    "=do =not call|contact|email|ring|message|phone|text|write or|and call|reply|email|contact|write|visit",
    "no reason to stop|avoid|return|throw|change", "no need to stop|avoid|return|throw",
    "=refer all? questions|enquiries|queries|calls to head|press office|team",
    "=refer all? questions|enquiries|queries|calls to the head|press office|team",
    "=there =is =no =need to stop|avoid|return|unplug|discard|change|check|reset",
  ]

  /// Verbs of speech that, forbidden ("do not say", "avoid mentioning"), quote what
  /// follows as words to avoid.
  static let speechVerbs: Set<String> = [
    "say", "saying", "tell", "telling", "mention", "mentioning", "describe", "describing",
    "blame", "blaming", "claim", "claiming", "suggest", "suggesting", "speculate",
    "speculating", "admit", "imply", "promise", "promising", "guess", "guessing", "comment",
    "discuss", "state", "call",
  ]

  // MARK: - Denial, refusal, hostility, blame

  /// Other parties that a statement may simply name; blame only with a causal word
  /// in the same sentence (`causalWords`).
  static let namedParties: Set<String> = [
    "third party", "supplier", "suppliers", "vendor", "contractor", "subcontractor",
    "our partner", "our provider", "cloud provider", "service provider", "the manufacturer",
  ]
  /// Words that make a named party the cause.
  static let causalWords: Set<String> = [
    "caused", "cause", "causing", "due", "because", "fault", "faulty", "responsible",
    "responsibility", "blame", "blamed", "error", "errors", "failure", "failed", "failing",
    "result", "owing", "behind", "liable", "down", "exploited", "erred", "mistake", "issue",
    "problem", "breach", "through",
  ]

  /// Denying that anything happened or that it is ours (negations included).
  static let denial = [
    "nothing has|had? failed|gone|went|happened|broken|changed", "nothing went wrong",
    "nothing is|was wrong", "nothing has gone wrong",
    "there is|was|has been no problem|issue|fault|breach|outage|incident|failure|error|mistake",
    "we|i did nothing wrong", "we|i have|had done nothing wrong", "we|i do not accept|admit",
    "does not accept|admit|believe|consider", "do not believe|consider",
    "we deny", "deny any|all|that", "we are|were not responsible|accountable|liable|at fault",
    "not our problem|concern|responsibility|fault", "not at fault",
    "nothing to apologise|apologize|explain|say|add", "no apology|apologies is|are|will|needed",
    "will not apologise|apologize|comment", "no comment", "decline to comment",
    "nothing you need to know", "nothing more to say", "not sorry",
    "reports|claims|stories|allegations|rumours|suggestions are|were inaccurate|untrue|false|wrong|misleading|exaggerated|unfounded",
    "this|that|it is|was not true", "inaccurate reports|claims", "fake news",
    "are|is|were|was without foundation", "are|is|were|was unfounded|baseless|groundless",
    "the|our hotel|company|store|shop|firm|bank|school|airline|business is|was not responsible|liable|to blame",
    "photos|video|videos|pictures|images|reaction|coverage|posts are|is|were|was|has been|have been misleading|exaggerated|fake|staged|overblown",
  ]

  /// Refusing the reader an update, help or contact (negations included).
  static let refusal = [
    "no further|more|next updates|update|statements|statement|comment|information|messages|contact",
    "will not be giving|posting|providing|sharing|issuing|sending|making|publishing|offering",
    "will not update|comment|respond|reply|answer|contact|call|refund|compensate|post|publish|cover|pay|reimburse",
    "there is|will be no helpline|hotline|number|support|compensation|refund|update|helpdesk|one",
    "no refunds|compensation|helpline|hotline", "we cannot help|comment",
    "not able to comment|help", "do not contact|call|email|ring|visit|message us|our",
    "we are|were not recalling|offering|refunding|replacing|compensating|paying|providing|giving|withdrawing",
    "no plans to recall|refund|compensate|replace|withdraw", "decline to provide|comment|answer",
    "will not be making|providing|offering|giving",
    "not be posting|giving|providing|sending|sharing|updating|commenting|responding",
    "this|the matter is|was closed", "will not be commenting|responding|engaging",
    "no updates|update|statement|statements|comment|information|refunds|compensation will|shall|can be given|provided|issued|made|posted|shared|offered|paid",
  ]

  /// Polite forms that attack or dismiss the reader (§14.4): no empathy, and a cap.
  static let politeHostility = [
    "you feel you|that", "you may have experienced", "feel you may", "may have felt",
    "you may|might feel", "you may|might have felt", "concern|upset|distress you may|might",
    "please be assured", "be assured that?",
    "we trust this|that clarifies|resolves|answers|explains|settles",
    "trust this clarifies|resolves", "as previously|already stated|explained|advised|mentioned",
    "as we have already? stated|explained|said|advised", "please be advised",
    "we regret that you", "sorry that you feel|felt|were", "sorry you feel|felt",
    "perceived inconvenience|issue|problem", "so called", "claims|claimed to have",
    "alleged victim|incident|problem",
    "in line with our terms|policy|guidelines|conditions",
    "according to our terms|policy|guidelines|conditions",
    "as set out in our terms|policy|guidelines|conditions",
    "contrary to", "not in line with our", "we stand by", "your complaint has been noted",
    "we consider this|the matter closed", "we will not enter into", "we note your",
    "we note that", "as our booking|terms|policy|conditions|rules make|makes|made clear",
    "encourage guests|customers|passengers|users|members|you to read|check",
    "should have read|checked the terms|conditions|rules|policy",
  ]

  /// Thanks that stand in for an apology when no apology is made.
  static let gratitudeInstead = [
    "thank you|thanks for your understanding|patience|cooperation|co operation",
    "we appreciate your understanding|patience|cooperation",
  ]

  /// Blaming the people who were harmed, politely or not.
  static let customerBlame = [
    "customers|users|passengers|guests|members|owners|people|those|anyone|travellers|residents|shoppers|parents|drivers who did|do not|never|failed|chose|ignored|refused|misused|forgot|neglected",
    "who did not install|update|read|follow|check|pack|register|keep",
    "who failed|chose|neglected|forgot to",
    "incorrect|improper|inappropriate|unauthorised use|installation|usage|handling",
    "used incorrectly|improperly", "contrary to the manual|instructions|guidance|guidelines",
    "chose to arrive|travel|ignore|use|stay", "should have checked|read|known|followed|installed",
    "at their own risk", "at your own risk", "failed to follow|read|check|install|update|pack",
    "not packed|used|installed|stored to|according|in line|correctly|properly",
    "not follow|read the instructions|manual|guidance", "customer error", "user error",
    "your own fault", "their own fault", "unsupervised", "unattended", "not supervised",
    "customers|users|passengers|guests|members|owners|people have|had chosen|decided to",
    "brought them|it in", "in|with their own? luggage|bags|belongings", "just|only after a|free",
    "failed to report|tell|mention|notice|declare",
    "left alone by",
  ]

  // MARK: - Stuffing

  /// Verbs that only send the reader to us: an instruction made of them is a help
  /// route, not something to do about the crisis.
  static let contactVerbs: Set<String> = [
    "call", "ring", "phone", "contact", "visit", "email", "text", "message", "dm", "reply",
    "go", "see", "check", "follow", "reach", "get", "touch", "find",
  ]
  /// Words that lead into an instruction's verb ("please do not", "you can").
  static let instructionLeads: Set<String> = [
    "please", "just", "do", "not", "never", "you", "can", "kindly", "should", "must", "also",
    "still", "now", "simply", "always",
  ]

  /// Stock phrases: each says something only when the statement also says what happened.
  static let stockPhrases = [
    "sorry|apologise|apologize|apologies for any inconvenience", "any inconvenience",
    "take this|it|these|matters|concerns|your * very? seriously", "take the matter very? seriously",
    "thank you for your patience|understanding",
    "we understand your frustration|concern|concerns", "as soon|quickly as possible",
    "working hard", "doing everything we can", "doing all we can",
    "your safety|privacy|security|wellbeing is|remains our|a top|number|first|highest? one? priority",
    "we value your", "around the clock", "reach out", "updates|update soon|shortly|later",
    "take|taking this|it|these * seriously", "our number one priority",
    "we are committed to", "we are aware", "looking into it|this|the matter",
    "listening and learning", "we are listening", "we are learning", "committed to doing better",
    "committed to transparency|openness|safety", "doing the right thing", "we will be better",
    "hearts go out", "thoughts go out", "bear with us",
    "at the heart of everything|all we do", "more to share|follow soon", "everything we do",
    "we appreciate your patience|understanding", "bear with us", "we are sorry",
    "we apologise|apologize", "we sincerely|truly|deeply|unreservedly apologise|apologize",
    "we know how worrying|frustrating|upsetting|difficult", "we hear you", "please contact us",
    "get in touch", "contact us", "more information|details|updates to follow", "updates to follow",
    "next update soon|later|shortly", "update you soon|shortly|later", "deeply sorry|regret",
    "we are truly|so|very|deeply|really sorry", "we know how", "we understand how",
    "it was our mistake", "we let you down", "we are working on it", "we take full responsibility",
    "we will do better", "lessons will be learned", "lessons learned", "we are on it",
    "we are investigating", "our thoughts are with", "we want to reassure",
  ]

  /// Telling staff only to pass questions on ("refer all questions to head office").
  static let deflections = [
    "=refer|direct|pass|send|forward|redirect all|any? questions|enquiries|queries|calls|media|press|complaints"
  ]

  /// Month names, so that the day of a date is not read as a count.
  static let monthNames: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
  ]

  /// Words that leave a promised time vague ("soon, later or tomorrow").
  static let vagueTimes: Set<String> = [
    "soon", "later", "shortly", "eventually", "sometime", "whenever", "asap",
  ]

  // MARK: - Channel duties

  /// Opening an e-mail to its reader.
  static let greetings = [
    "^ dear", "^ hello", "^ hi", "^ good morning|afternoon|evening", "^ to all|our|every",
    "^ attention",
  ]
  /// Words of a sign-off line ("Kind regards", "Yours sincerely", "Thank you").
  static let signOffFirstWords: Set<String> = [
    "regards", "sincerely", "wishes", "yours", "signed", "thanks", "thank", "best", "cheers",
    "warmly", "respectfully", "faithfully",
  ]

  /// Words that make a regulator notice one about personal data (GDPR Art. 33).
  static let personalData = [
    "personal data|information|details", "data breach", "data subjects", "email addresses",
    "order|account|contact|payment|customer|patient|member|booking details",
    "passwords", "card details|numbers", "dates of birth", "home addresses",
    "phone numbers", "names and|or addresses|emails", "bank details", "national insurance",
    "health records|data", "medical records", "account details|numbers", "customer records",
    "loyalty", "ico", "gdpr", "article 33", "art 33",
  ]
  /// Kinds of personal data named (Art. 33(3)(a) categories).
  static let dataCategories = [
    "names", "email|postal|home addresses", "addresses", "phone numbers", "dates of birth",
    "passwords", "card details|numbers", "bank details", "account numbers", "health",
    "medical", "purchase history", "order history", "loyalty points|balances|numbers",
    "national insurance", "passport", "categories",
  ]
  /// The likely consequences of a breach or hazard (Art. 33(3)(c)).
  static let consequences = [
    "risk", "risks", "could be used|misused|exploited", "phishing", "fraud", "identity theft",
    "scam|scams", "consequence|consequences", "likely to", "may lead|result", "could lead|result",
    "harm", "hazard", "burn|burns|fire risk", "injury|injuries", "targeted",
    "exposed to", "impersonate|impersonating|impersonation",
  ]
  /// Where a regulator can reach the notifying organisation (Art. 33(3)(b)).
  static let contactPoint = [
    "data protection officer", "dpo", "contact point", "contact for this|the notice|report",
    "can be reached", "reach me|us at|on", "direct line", "point of contact", "^ contact <name>",
    "^ dpo <name>",
    "contact me|us at|on", "head of <name>?", "compliance officer",
  ]
  /// Measures a notice reports, in the notice's own shorthand ("Action: sales stopped").
  static let reportedMeasures = [
    "^ measures|action|actions|mitigation|response|remedy|steps|containment",
    "=stopped|=closed|=moved|=restored|=contacted|=notified|=isolated|=reset|=blocked|=suspended|=recalled|=withdrawn|=fixed|=patched|=rerouted|=secured|=preserved|=pulled|=removed|=quarantined|=changed|=commissioned|=deployed|=offered|=given|=told|=asked|=informed|=disabled|=revoked|=rotated|=halted|=paused|=cordoned|=evacuated|=inspected|=repaired|=replaced|=refunded|=credited",
  ]
  /// Words that make a short notice a chatty post ("Hey all", "Oops", "fam").
  static let informalWords: Set<String> = [
    "hey", "hi", "hiya", "oops", "folks", "fam", "guys", "deets", "lol", "yay", "cheers",
    "heads", "whoops", "omg", "btw",
  ]

  /// Phasing what is not yet known (Art. 33(4)).
  static let phasing = [
    "follow up report|notice|notification", "will be confirmed", "will confirm",
    "will supplement", "further information will", "in phases", "phased", "will provide",
    "will send|submit|update", "supplementary", "full report", "final report",
  ]

  // MARK: - Is it a statement?

  /// Filler that is no statement however often it is typed.
  static let loremWords: Set<String> = [
    "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed",
    "eiusmod", "tempor", "incididunt", "labore", "dolore", "magna", "aliqua", "enim",
    "minim", "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi",
    "aliquip", "commodo", "consequat",
  ]
  /// Keyboard runs and test words.
  static let mashWords: Set<String> = [
    "asdf", "asdfg", "asdfgh", "qwer", "qwert", "qwerty", "zxcv", "hjkl", "jkl", "uiop",
    "sdf", "sdfg", "dfg", "fgh", "ghj", "xyz", "abc", "aaa", "blah", "test", "testing",
    "foo", "bar", "baz", "tbd", "tbc", "todo", "xxx", "placeholder", "lol", "idk",
    "ok", "okay", "k", "hmm", "meh",
  ]
  /// Words that make a clause a clause: pronouns and nouns as subjects are too many to
  /// list, so a clause counts when it has one of these verbs or a listed imperative.
  static let finiteVerbs: Set<String> = [
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "need",
    "needs", "want", "wants", "know", "knows", "say", "says", "said", "get", "got", "go",
    "goes", "went", "make", "made", "take", "took", "see", "come", "came", "give", "gave",
    "find", "found", "tell", "told", "work", "works", "try", "call", "use", "keep", "let",
    "put", "pay", "paid", "send", "sent", "help", "check", "apologise", "apologize",
    "apologises", "regret", "understand", "thank", "fix", "stop", "stopped",
    "contact", "visit", "update", "post", "reply", "wait", "open", "close", "closed",
    "affect", "affects", "happen", "happens", "happened", "fail", "fails", "failed", "cause",
    "caused", "expect", "hope", "plan", "aim", "promise", "own", "accept", "deny",
    "ask", "asked", "move", "return", "refund", "replace", "restore", "restored", "lost",
    "left", "means", "mean", "feel", "feels", "felt", "hear", "heard", "read", "run", "runs",
    "stay", "leave", "bring", "offer", "share", "remove", "follow", "report", "email",
    "text", "phone", "ring", "reset", "change", "cancel", "confirm", "investigate",
    "continue", "remain", "remains", "stand", "think", "believe", "appear", "seem", "lets",
  ]

  static let apologyParaphraseSet = PatternSet(apologyParaphrase)
  static let instructionParaphraseSet = PatternSet(instructionParaphrase)
  static let counterproductiveSet = PatternSet(counterproductive)
  static let denialSet = PatternSet(denial)
  static let refusalSet = PatternSet(refusal)
  static let politeHostilitySet = PatternSet(politeHostility)
  static let gratitudeInsteadSet = PatternSet(gratitudeInstead)
  static let customerBlameSet = PatternSet(customerBlame)
  static let stockPhraseSet = PatternSet(stockPhrases)
  static let greetingSet = PatternSet(greetings)
  static let personalDataSet = PatternSet(personalData)
  static let dataCategorySet = PatternSet(dataCategories)
  static let consequenceSet = PatternSet(consequences)
  static let contactPointSet = PatternSet(contactPoint)
  static let phasingSet = PatternSet(phasing)
  static let reportedMeasuresSet = PatternSet(reportedMeasures)
  static let deflectionSet = PatternSet(deflections)

  /// The lists a statement is matched against in one pass (see `LexiconIndex`).
  static let indexedSets: [PatternSet] = [
    apologySet,
    conditionalApologySet,
    regretOnlySet,
    empathySet,
    feelingSet,
    ownershipSet,
    agentlessAlwaysSet,
    passiveHarmSet,
    blameSet,
    eventSet,
    whenSet,
    affectedSpecificSet,
    affectedGenericSet,
    imperativeSet,
    noActionSet,
    softSuggestionSet,
    doingSet,
    vagueDoingSet,
    updateSet,
    timeSet,
    helpConcreteSet,
    helpVagueSet,
    unknownSet,
    speculationSet,
    overPromisingSet,
    jargonSet,
    apologyParaphraseSet,
    instructionParaphraseSet,
    counterproductiveSet,
    denialSet,
    refusalSet,
    politeHostilitySet,
    gratitudeInsteadSet,
    customerBlameSet,
    stockPhraseSet,
    greetingSet,
    personalDataSet,
    dataCategorySet,
    consequenceSet,
    contactPointSet,
    phasingSet,
    reportedMeasuresSet,
    deflectionSet,
    CommitmentReader.firmCueSet,
    CommitmentReader.plainCueSet,
  ]
}
