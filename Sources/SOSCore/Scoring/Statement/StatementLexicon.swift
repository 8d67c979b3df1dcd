/// Every word list the statement analyser uses, in one file to review.
///
/// Entries are patterns (syntax in `StatementPattern`): plain words match any inflection
/// ("apologise" matches "apologies", "apologizing"), `=word` matches that form only,
/// `a|b` gives alternatives, `*` is any one word, `<ing>`, `<ed>`, `<num>`, `<clock>`,
/// `<name>` and `<act>` are word classes, `?` marks an optional element and a leading
/// `^` anchors the phrase to the start of a clause. Write contractions out ("do not",
/// "we are"): the text's "don't" and "we're" are spelt out before matching. Punctuation is
/// ignored, so "sorry but" also finds "sorry, but".
enum StatementLexicon {
  // MARK: - Apology

  /// A real apology.
  static let apology = [
    "sorry", "apologise", "apology", "forgive", "we owe you an apology",
  ]
  /// Apologies that hedge or deflect; they overrule the apology words they contain.
  static let conditionalApology = [
    "sorry if", "sorry for any", "sorry to anyone", "sorry to those", "sorry but",
    "sorry that you feel", "sorry you feel", "sorry if you feel", "sorry that you were upset",
    "sorry you were upset", "sorry that some", "sorry for how", "regret any", "apologise if",
    "apologise for any", "apologise to anyone", "apologise to those", "apologise but",
    "apology for any", "apology to anyone", "apology if", "apology but",
    "if anyone was offended", "if anyone felt", "if * caused offence", "if * offended",
  ]
  /// Regret or sympathy that stops short of saying sorry.
  static let regretOnly = [
    "regret", "regrettable", "regrettably", "sorry to hear", "sorry to learn", "saddened",
  ]

  // MARK: - Empathy

  /// Acknowledging the reader's situation and feelings.
  static let empathy = [
    "we understand how|why|that|your|you|this|the", "i understand how|why|that|your|you|this",
    "we fully understand", "we know how|you|this|what|a|an", "we know that this|it",
    "we know it is", "we know is|this|that", "we know how hard",
    "i know how|you|this",
    "we can only? imagine", "i can only? imagine", "this must be|have|feel", "must have been",
    "must feel", "we hear you", "we share your", "thoughts are with", "hearts go out",
    "we care about|deeply", "your safety is|comes", "we appreciate how",
    "we recognise how|that|the|what", "we recognize how|that|the|what", "we realise how|that",
    "we realize how|that", "we are thinking of", "understandably", "rightly upset|angry|worried",
    "right to be upset|angry|worried|frustrated", "you have every right", "no one should have to",
    "nobody should have to", "we know what this", "worrying time|news", "stressful time",
    "difficult time", "distressing time|news", "frightening experience", "upsetting experience",
    "you are|were right", "they are|were right", "are right to", "was right to",
  ]
  /// Feeling words: said to the reader ("you", "your" in the sentence) they show some
  /// empathy, short of acknowledging it.
  static let feelingWords = [
    "worry", "worried", "worrying", "frustrating", "frustrated", "frustration", "upset",
    "upsetting", "distress", "distressing", "anxious", "anxiety", "stressful", "disappointing",
    "disappointed", "angry", "anger", "scary", "frightening", "afraid", "unacceptable",
    "alarming", "concern", "concerned", "difficult", "thank you for your patience|understanding",
  ]

  // MARK: - Ownership and blame

  /// Taking responsibility in the first person, active voice.
  static let ownership = [
    "we made a|an|the|this|these|two|several|some? mistake|error|wrong",
    "we make|made mistake|mistakes", "we messed|screwed up", "we made a mess",
    "we got * wrong", "we got it|this|that wrong", "our mistake|error|fault|failure",
    "my mistake|error|fault", "we failed", "we have failed", "i failed",
    "we are|were responsible", "i am responsible", "we take|accept full? responsibility",
    "i take|accept full? responsibility", "responsibility is ours|mine",
    "we let you|our|customers|passengers|people down", "we have let you down",
    "we fell short", "we have fallen short", "we should have", "we should not have",
    "we were wrong", "this is|was on us", "the fault is ours", "this was our", "it was our",
    "we own this|it", "the buck stops", "we caused",
    "change|update|error|mistake|setting|decision|fault we made|introduced|caused",
    "we exposed|overcharged|lost|leaked|sent|misplaced|mishandled|cancelled|charged|broke|published|missed|deleted|mislabelled|left|shipped|sold|ignored",
    "we did not act|check|test|listen|respond|tell|warn|notice|catch|follow",
  ]
  /// Passives that hide who did it, whatever else the sentence says.
  static let agentlessAlways = [
    "mistakes|errors were made", "mistakes|errors have been made",
    "a|an? error|issue|incident|problem occurred",
    "a|an? error|issue|incident|problem has occurred", "a|an? issue|error|problem was identified",
    "a|an? issue|error|problem has been identified",
    "a decision was made", "it was decided", "things went wrong", "human error",
    "technical error|issue|glitch",
  ]
  /// A harm in the passive ("was exposed", "were affected"); agentless when its sentence
  /// has no "we", "our", "us" or "I" and no "by" follows it.
  static let passiveHarm = [
    "was|were|been exposed|affected|impacted|compromised|accessed|leaked|lost|breached|stolen|damaged|deleted|corrupted|disclosed|misplaced|mishandled|overcharged|caused|missed|injured|harmed|contaminated|delayed|cancelled|disrupted|shared|made|sent|removed|mislabelled|left"
  ]
  /// Words that put the agent back: first person.
  static let firstPerson: Set<String> = ["we", "our", "us", "ours", "ourselves", "i", "my", "me"]

  /// Pointing at someone else: a supplier, a third party, the customer.
  static let blameShifting = [
    "third party", "supplier", "vendor", "contractor", "subcontractor", "our partner",
    "our provider", "cloud provider", "service provider", "the manufacturer", "user error",
    "customer error", "operator error", "beyond our control", "outside our control",
    "out of our control", "rogue employee", "rogue", "individual employee",
    "the customer's fault", "the customer failed|did|chose|ignored|refused|misused|was",
    "customers|passengers|users|guests who failed|ignored|refused|misused",
    "failed to follow", "not our fault", "no fault of our own", "no fault of ours",
    "the actions of one|a|an single|individual? employee|member|colleague",
    "caused by your|customers", "down to your|customers", "misuse by|of customers|users",
  ]
  /// Labelling the people who were harmed.
  static let victimLabels = [
    "disruptive", "belligerent", "unruly", "aggressive passenger|customer|guest",
    "hysterical", "disgruntled", "so called", "alleged victim", "claims to have",
    "claimed to have", "vocal minority", "small minority", "troublemaker", "misinformed",
    "overreact", "fake news", "attention seeking", "irate", "entitled", "angry mob",
  ]

  // MARK: - Required facts

  /// What happened: the event.
  static let events = [
    "outage", "breach", "exposed", "leak", "recall", "fault", "faulty", "defect", "error",
    "mistake", "incident", "delay", "cancel", "cancellation", "storm", "flood", "fire",
    "injury", "injured", "accident", "disruption", "disrupted", "shortage", "contaminated",
    "contamination", "listeria", "salmonella", "allergen", "undeclared", "glass", "metal",
    "hack", "hacked", "attack", "ransomware", "offline", "unavailable",
    "went|go|is|was|been|are|were down",
    "not working", "stopped working", "failure", "failed", "problem", "issue", "video",
    "behaviour", "misconduct", "harassment", "overcharged", "charged twice",
    "double charged", "power cut", "closed", "closure", "damage", "damaged", "crash", "crashed",
    "broken", "stolen", "theft", "accessed", "strike", "explosion", "spill", "in error",
    "wrong", "incorrect", "happened", "occurred", "we found|discovered|identified|learned",
    "unable to", "could not", "missing", "out of stock", "ran out", "late", "misleading",
    "sent", "posted", "published", "illness", "ill", "sick", "hospital", "rude", "racist", "unsafe",
    "burn", "burns", "hot", "overheat", "overheating", "shock", "choking", "hazard", "leaking",
    "leaked", "exposed", "collapsed", "fell", "gave way", "cut off", "without power",
    "remark",
    "lost", "evacuated",
  ]
  /// When (and since when) it happened: a time, a day or a date.
  static let whenCues =
    timeCues
    + [
      "today", "yesterday", "last night|week|weekend|month", "this week|weekend",
      "over|at the weekend", "earlier today", "earlier this week", "since", "on <num> <month>",
      "on <weekday>", "<weekday> morning|afternoon|evening|night", "<month> <num>",
      "<num> <month>", "overnight", "early hours",
    ].map(expandNames)

  /// A specific group of affected people, or the data and products concerned.
  static let affectedSpecific = [
    "if you bought|booked|ordered|used|received|hold|live|travelled|flew|ate|shopped|paid|took|visited|own|stayed|use|drove|had",
    "if you have bought|booked|received|ordered|used|had|taken|eaten|travelled",
    "if you are|were a|an|affected|booked|due|travelling|flying|staying", "if your",
    "anyone who|whose", "everyone who|whose", "those who|whose",
    "people who|whose|in|living", "some of you", "all of you", "many of you",
    "\(people) who|whose|in|on|with|using|at|living|staying|travelling|flying|booked|holding|of|from",
    "<num> \(people)", "<num> of our|your? \(people)",
    "about|around|approximately|roughly|nearly|almost <num>", "up to <num>",
    "more|fewer|less than <num>",
    "affected \(people)|accounts|flights|stores|areas|products|batches|orders|homes|sites",
    "your account|data|details|card|order|booking|flight|payment|password|information|personal|delivery|meter|home|bill|statement|prescription|child|policy",
    "batch|lot|barcode", "serial number", "batch code", "postcode|postcodes", "in the <name>? area",
    "use by", "best before",
    "categories of personal? data", "names|addresses", "email addresses", "phone numbers",
    "dates of birth", "card details|numbers", "bank details", "data subjects",
  ]
  /// Merely naming the audience.
  static let affectedGeneric = [
    people, "you", "everyone", "anyone", "people", "public", "community",
  ]
  private static let people =
    "customers|customer|passengers|guests|residents|users|clients|patients|shoppers|travellers|households|homes|staff|colleagues|employees|subscribers|holders|cardholders|parents|families|drivers|riders|students|members|individuals|records|accounts|orders|bottles|packs|jars|units|products|stores|flights|people|properties|children|pupils|visitors|diners"

  /// Verbs that tell the reader what to do, in the imperative; they count at the start of
  /// a clause or after a lead-in ("please", "you should", "we ask you to").
  static let imperatives = [
    "=do not <act>", "=never <act>", "=stop using|eating|taking|driving|wearing|giving|drinking",
    "=stop", "=avoid", "=change", "=reset", "=update", "=check", "=return", "=bring",
    "=take", "=call", "=ring", "=phone", "=contact", "=visit", "=go", "=email", "=text",
    "=reply", "=message", "=dm", "=keep", "=watch", "=look", "=be alert|careful|ready",
    "=boil", "=throw", "=dispose", "=discard", "=unplug", "=switch", "=turn", "=log",
    "=sign", "=use", "=wait", "=stay", "=move", "=seek", "=report", "=follow", "=enable",
    "=monitor", "=review", "=ignore", "=delete", "=tell", "=ask", "=refer", "=direct", "=send",
    "=forward", "=record", "=read", "=apply", "=claim", "=book", "=rebook", "=collect",
    "=download", "=install", "=restart", "=leave", "=evacuate", "=head", "=come", "=pick",
    "=hold", "=escalate", "=offer", "=apologise|apologize", "=explain", "=give", "=issue",
    "=process", "=waive", "=refund", "=remove", "=place", "=isolate", "=quarantine",
    "=label", "=pull", "=clear", "=share", "=let", "=make sure", "=remember", "=note",
    "=find out", "=freeze", "=cancel", "=block", "=look out", "=put", "=redirect", "=route",
    "=hang up", "=wash", "=run", "=shelter", "=attend", "=bin", "=sit tight", "=close",
    "=open", "=drink", "=boil", "=shut", "=lock", "=unplug",
    "=note down", "=confirm", "=point", "=hand", "=pay", "=utilise|=utilize",
  ]
  /// Words after which an imperative counts anywhere in a clause.
  static let imperativeLeads: Set<String> = ["please", "should", "must", "can", "just"]
  /// Adverbs allowed between a lead-in and the verb: "you can still pay".
  static let imperativeAdverbs: Set<String> = [
    "still", "also", "now", "always", "then", "simply", "immediately", "first", "only",
  ]
  /// "… to" leads: "we ask you to check", "remember to", "be sure to".
  static let imperativeToLeads: Set<String> = [
    "need", "ask", "asked", "advise", "advised", "urge", "urged", "encourage", "encouraged",
    "remember", "sure", "important", "want", "recommend", "recommended",
  ]
  /// Subjects that turn a lead-in modal into our own action ("we should check").
  static let ownSubjects: Set<String> = ["we", "i", "it", "they", "this", "that"]
  /// Telling the reader that nothing is needed also tells them what to do.
  static let noActionNeeded = [
    "no action is? needed|required", "you do not need to", "there is no need to|for",
    "you need do nothing|not", "need do nothing", "you not need do|to", "nothing for you to do",
    "nothing you need to do", "you need not", "you do not have to",
  ]
  /// Softer suggestions: they count half.
  static let softSuggestions = [
    "may wish to", "might want to", "may want to", "you could", "we would recommend",
    "it may be worth", "might like to", "may like to",
  ]

  /// What we are doing about it.
  static let doing = [
    "we are|were <ing>", "we are now|also|already|still <ing>", "we have been <ing>",
    "we have|had already|now|also|just|immediately|temporarily? <ed>",
    "we will|shall also|now|then|immediately|personally? <act>", "we <ed> * immediately",
    "our \(teams) is|are|will now|also|already|still? <act>",
    "our \(teams) has|have now|also|already? <ed>", "\(teams) are|is now|also|already|still? <ing>",
    "\(teams) have|has now|also|already? <ed>", "\(teams) are|is on site|scene|duty|call",
    "\(teams) are|is out now|there?", "\(teams) are|is on the|their way",
    "we are offering|refunding|contacting|replacing|paying|covering",
    "we have set up",
    "we|staff|crews|engineers|teams issued|started|stopped|shut|closed|isolated|blocked|recalled|removed|suspended|notified|switched|reset|replaced|offered|refunded|paused|restored|warned|evacuated|cordoned|flushed|disabled|rerouted|withdrew",
    "you will|can get|receive a|your|full? refund|replacement|repair|credit|money",
    "\(teams) working|repairing|fixing|replacing|restoring|moving|checking now?",
    "money will? come|comes back", "refund will? come|comes",
    "you get|receive a|your|full? refund|replacement|repair|credit|money", "money back",
    "refund or replacement|repair", "free replacement|repair|refund",
    "will be refunded|credited|replaced|repaired|restored|fixed|paid|reimbursed|compensated|contacted|cancelled|waived|reversed|removed",
    "is|are being refunded|credited|replaced|repaired|restored|fixed|moved|rerouted|contacted|reversed|removed|checked|tested",
    "i have <ed>", "i will <act>", "i am <ing>",
  ]
  private static let teams =
    "team|teams|engineer|engineers|staff|crew|crews|colleagues|investigators|experts|specialists|technicians|managers|drivers|nurses|doctors|agents|volunteers|officers|inspectors"
  /// Stock phrases that sound like action but commit to nothing; alone they count half.
  static let vagueDoing = [
    "we are aware", "looking into it|this|the|what",
    "we are looking into", "we are monitoring the? situation?", "take * seriously", "seriously",
    "take this|it|these very? seriously", "we are committed", "committed to",
    "working to resolve|fix|restore the? issue|problem|matter?", "working on it|this|a",
    "as quickly|soon as possible", "doing everything we can", "doing all we can",
    "working hard", "we are reviewing", "we will review", "we are assessing",
    "we are monitoring", "monitor", "continue to monitor",
    "take|taking this|it|these|matters|data|privacy|safety|security * seriously",
    "take|taking * * seriously", "we are investigating", "investigating", "around the clock",
    "we are working on it", "we are on it", "we are dealing with it|this",
    "we will be better", "we will do better|learn|improve", "doing everything|all it|they|we can",
    "we are writing to", "we write to", "doing the right thing",
    "we are|is|are on it", "working tirelessly|hard|flat out|non stop", "working on this",
    "update you soon|shortly|later",
    "we are listening|learning", "listening and learning",
  ]

  /// A promise of a next update.
  static let updateCommitment = [
    "next update", "further update|updates|information|report", "another update",
    "update you|this|here|customers|staff|everyone|all", "will update|post|report",
    "will email|write|call|contact|text|message|ring you|everyone|customers|staff|all",
    "details|information|updates|news will follow",
    "more details|information|news to follow|soon|shortly", "further details",
    "come|get back to you", "with an|a|further update",
    "will share more|an|further", "we will report back", "we will be back in touch",
    "we will write to you", "we will write again", "we will contact you again",
    "we will let you know",
    "we will keep you updated|informed|posted", "keep you updated|informed|posted",
    "we will tell you more", "we will confirm", "update at|by|every|within|on",
    "updates at|by|every|within|on|here",
    "full|final|interim|intermediate|initial|written|further|detailed|second|next report",
    "follow up report",
    "will provide a|an|further|more|the", "i will update|write|report|brief|call",
    "i will be back", "back to you by|within|at|on|tomorrow", "follow up with you",
    "follow up in writing", "next briefing|bulletin|statement|call|news|message|text",
    "will brief you|everyone|staff|the team", "brief you again", "hear from us again",
  ]
  /// A time the reader can hold us to: a clock time, a day, a span.
  static let timeCues = [
    "<clock>", "<num> am|pm|=a.m.|=p.m.|=a.m|=p.m|o'clock", "noon|midday|midnight",
    "tonight|tomorrow", "this morning|afternoon|evening", "end of the? day|week|business",
    "close of business", "within <num> hour|hours|day|days|minute|minutes|week|weeks",
    "within the next <num>? hour|hours|day|days|week", "within an|the|a hour|day|week",
    "in <num> hour|hours|minute|minutes|day|days", "every <num>? hour|hours|minute|minutes|day",
    "by <weekday>", "on <weekday>", "<weekday>", "by lunchtime|tonight|tomorrow", "<num> hours",
    "<num> days", "<num> <month>", "<month> <num>", "hourly", "daily",
  ].map(expandNames)

  /// Where to get help, concretely. (Phone numbers, web and e-mail addresses and handles
  /// are recognised by the tokenizer and count too.)
  static let helpConcrete = [
    "reply to this text|email|message|sms", "reply stop|help|yes", "dm us", "direct message",
    "send us a dm|message", "ext|extension <num>",
    "call|contact|ring|phone|email|message|ask|text <name>", "speak|talk to <name>",
    "your line? manager|supervisor|lead|leader", "your team leader",
    "your store|shift|duty manager|lead", "the store|shift|duty|floor manager",
    "pass|refer|transfer|send them to <name>",
    "incident room", "help desk", "helpdesk", "service desk", "duty manager", "press office",
    "data protection officer", "our dpo", "contact point", "any of our stores|branches",
    "freephone <num>", "call|ring|dial 999|911|111|112|105|101|988",
    "the number on the back of your card", "number on your bill|card|letter",
  ]
  /// Where to get help, vaguely.
  static let helpVague = [
    "contact us", "get in touch", "call us", "helpline", "hotline",
    "customer service|services|care",
    "our website", "our app", "visit", "help page", "support team", "freephone", "reach us",
    "in store", "live chat", "message us",
  ]

  /// Saying plainly what is not yet known.
  static let unknowns = [
    "we do not yet? know", "we do not yet? have", "not yet known|confirmed|clear|certain",
    "not yet able", "yet to be? confirmed|established|determined|known|confirm|establish",
    "still investigating|establishing|checking|assessing|confirming|analysing|looking|finding|testing",
    "still working to understand|establish|confirm|find",
    "we are still", "as soon as we know|have|can", "when we know more", "once we know",
    "we cannot yet? confirm|say|tell", "we can not yet? confirm|say|tell", "too early to",
    "unclear", "not clear",
    "we are working to understand|establish|confirm|find|determine|identify",
    "we are trying to find|understand|establish", "under investigation",
    "currently unknown", "investigation is ongoing|continuing", "what we do not know",
    "may change", "as more information becomes available", "we will know more",
    "we do not know", "not known", "still to be confirmed", "cannot rule out",
  ]

  // MARK: - Speculation and over-promising

  /// Guessing at causes or outcomes before the facts are in.
  static let speculation = [
    "probably", "=possibly", "likely", "perhaps", "maybe", "presumably",
    "may|might|could have been caused|due|linked|triggered|started|the",
    "may|might|could be due|caused|linked|the|related", "we think",
    "we believe it|this|that was|is|may|might", "we believe the cause", "we suspect",
    "it appears|seems that?", "appears|seems to have", "it looks like", "we assume",
    "we guess", "in all likelihood", "we expect it|this was",
  ]
  /// Promises nobody can keep yet.
  static let overPromising = [
    "guarantee", "never again", "will never happen", "never happen again",
    "will not happen again", "cannot happen again", "100 safe|secure|sure|percent",
    "completely|totally|perfectly|absolutely|entirely|fully safe|secure",
    "fully|completely resolved|fixed", "no risk", "zero risk", "risk free", "rest assured",
    "nothing to worry about", "no need to worry", "impossible", "there is no risk",
    "all issues are resolved", "problem is solved", "we promise it will",
    "your|all|the data|information|details|money|account|accounts is|are|was|were|remain|remains safe|secure|protected",
  ]

  // MARK: - Jargon

  /// Kinds of jargon; a regulator notice may use legal and technical terms.
  enum JargonKind: Hashable, Sendable {
    case legal
    case technical
    case corporate
    /// Words that shrink the harm ("inconvenience").
    case minimising
  }

  /// A term with its plain alternative.
  struct JargonEntry: Hashable, Sendable {
    var pattern: String
    var plain: String
    var kind: JargonKind
  }

  static let jargon: [JargonEntry] = [
    // Legal.
    JargonEntry(pattern: "pursuant", plain: "under", kind: .legal),
    JargonEntry(pattern: "hereinafter", plain: "(leave it out)", kind: .legal),
    JargonEntry(pattern: "herein", plain: "here", kind: .legal),
    JargonEntry(pattern: "hereby", plain: "(leave it out)", kind: .legal),
    JargonEntry(pattern: "heretofore", plain: "until now", kind: .legal),
    JargonEntry(pattern: "aforementioned", plain: "this", kind: .legal),
    JargonEntry(pattern: "notwithstanding", plain: "despite", kind: .legal),
    JargonEntry(pattern: "in accordance with", plain: "under", kind: .legal),
    JargonEntry(pattern: "whereby", plain: "by which", kind: .legal),
    JargonEntry(pattern: "thereof", plain: "of it", kind: .legal),
    JargonEntry(pattern: "prior to", plain: "before", kind: .legal),
    JargonEntry(pattern: "subsequent to", plain: "after", kind: .legal),
    JargonEntry(pattern: "in the event that|of", plain: "if", kind: .legal),
    JargonEntry(pattern: "without prejudice", plain: "(leave it out)", kind: .legal),
    JargonEntry(pattern: "data subject", plain: "person", kind: .legal),
    JargonEntry(pattern: "data controller", plain: "we", kind: .legal),
    JargonEntry(pattern: "with immediate effect", plain: "from now", kind: .legal),
    JargonEntry(pattern: "commence", plain: "start", kind: .legal),
    JargonEntry(pattern: "terminate", plain: "end", kind: .legal),
    JargonEntry(pattern: "liability", plain: "responsibility", kind: .legal),
    // Technical.
    JargonEntry(pattern: "exfiltration|exfiltrate", plain: "copied out", kind: .technical),
    JargonEntry(pattern: "threat actor", plain: "criminal", kind: .technical),
    JargonEntry(pattern: "malicious actor", plain: "attacker", kind: .technical),
    JargonEntry(pattern: "vector", plain: "way in", kind: .technical),
    JargonEntry(pattern: "root cause", plain: "cause", kind: .technical),
    JargonEntry(pattern: "latency", plain: "delay", kind: .technical),
    JargonEntry(pattern: "=sla|=slas", plain: "the service we promised", kind: .technical),
    JargonEntry(pattern: "=ttl", plain: "(leave it out)", kind: .technical),
    JargonEntry(pattern: "=pii", plain: "personal details", kind: .technical),
    JargonEntry(pattern: "=dns|=api|=cdn|=bgp", plain: "(name what broke)", kind: .technical),
    JargonEntry(pattern: "=ddos", plain: "a flood of fake traffic", kind: .technical),
    JargonEntry(
      pattern: "misconfiguration|misconfigured", plain: "a setting we got wrong", kind: .technical),
    JargonEntry(
      pattern: "credential stuffing", plain: "criminals trying stolen passwords", kind: .technical),
    JargonEntry(pattern: "endpoint", plain: "computer", kind: .technical),
    JargonEntry(pattern: "zero day", plain: "a new weakness", kind: .technical),
    JargonEntry(pattern: "vulnerability", plain: "weakness", kind: .technical),
    JargonEntry(pattern: "mitigate|mitigation", plain: "reduce", kind: .technical),
    JargonEntry(pattern: "remediate|remediation", plain: "fix", kind: .technical),
    JargonEntry(pattern: "degraded|degradation", plain: "slow", kind: .technical),
    JargonEntry(pattern: "intermittent|intermittently", plain: "on and off", kind: .technical),
    JargonEntry(pattern: "anomalous", plain: "unusual", kind: .technical),
    JargonEntry(pattern: "upstream", plain: "(name who)", kind: .technical),
    JargonEntry(pattern: "legacy system", plain: "old system", kind: .technical),
    JargonEntry(pattern: "firmware", plain: "software", kind: .technical),
    JargonEntry(pattern: "rollback", plain: "undo", kind: .technical),
    JargonEntry(pattern: "deployment", plain: "update", kind: .technical),
    JargonEntry(pattern: "configuration change", plain: "a change we made", kind: .technical),
    JargonEntry(pattern: "capacity constraints", plain: "not enough", kind: .technical),
    JargonEntry(
      pattern: "unauthorised access", plain: "someone got in who should not have", kind: .technical),
    // Corporate.
    JargonEntry(pattern: "utilise|utilisation", plain: "use", kind: .corporate),
    JargonEntry(pattern: "leverage", plain: "use", kind: .corporate),
    JargonEntry(pattern: "facilitate", plain: "help", kind: .corporate),
    JargonEntry(pattern: "endeavour", plain: "try", kind: .corporate),
    JargonEntry(pattern: "going forward", plain: "from now on", kind: .corporate),
    JargonEntry(pattern: "at this point in time", plain: "now", kind: .corporate),
    JargonEntry(pattern: "in due course", plain: "(say when)", kind: .corporate),
    JargonEntry(pattern: "stakeholder", plain: "(name them)", kind: .corporate),
    JargonEntry(pattern: "synergy", plain: "(leave it out)", kind: .corporate),
    JargonEntry(pattern: "learnings", plain: "lessons", kind: .corporate),
    JargonEntry(pattern: "reach out", plain: "contact", kind: .corporate),
    JargonEntry(pattern: "please be advised", plain: "(leave it out)", kind: .corporate),
    JargonEntry(pattern: "kindly", plain: "please", kind: .corporate),
    JargonEntry(pattern: "we wish to inform you", plain: "(leave it out)", kind: .corporate),
    JargonEntry(
      pattern: "at your earliest convenience", plain: "as soon as you can", kind: .corporate),
    JargonEntry(pattern: "re accommodate", plain: "move", kind: .corporate),
    JargonEntry(
      pattern: "operational issue|reasons|challenges", plain: "(say what went wrong)",
      kind: .corporate),
    JargonEntry(pattern: "technical difficulties", plain: "(say what broke)", kind: .corporate),
    JargonEntry(pattern: "as per", plain: "under", kind: .corporate),
    JargonEntry(pattern: "ascertain", plain: "find out", kind: .corporate),
    JargonEntry(pattern: "out of an abundance of caution", plain: "to be safe", kind: .corporate),
    JargonEntry(
      pattern: "customer journey", plain: "(say what the customer does)", kind: .corporate),
    JargonEntry(pattern: "impacted", plain: "affected", kind: .corporate),
    // Minimising.
    JargonEntry(pattern: "inconvenience", plain: "(name the real harm)", kind: .minimising),
    JargonEntry(pattern: "a small number of", plain: "(say how many)", kind: .minimising),
    JargonEntry(pattern: "limited number of", plain: "(say how many)", kind: .minimising),
    JargonEntry(pattern: "isolated incident", plain: "(say what happened)", kind: .minimising),
    JargonEntry(pattern: "teething problems", plain: "faults", kind: .minimising),
    JargonEntry(pattern: "glitch", plain: "fault", kind: .minimising),
    JargonEntry(pattern: "hiccup", plain: "fault", kind: .minimising),
    JargonEntry(pattern: "blip", plain: "fault", kind: .minimising),
    JargonEntry(pattern: "only a handful", plain: "(say how many)", kind: .minimising),
  ]

  // MARK: - Audiences

  /// Audience words that make a statement a staff message.
  static let staffAudience = [
    "staff", "employee", "agent", "colleague", "team", "crew", "front line", "frontline",
    "manager", "workforce", "nurse", "driver", "store", "branch", "internal", "contact centre",
    "call centre",
  ]
  /// Audience words that make a statement a regulator notice.
  static let regulatorAudience = [
    "regulator", "authority", "supervisory", "=ico", "=dpa", "commissioner", "ombudsman",
    "=fca", "=ofcom", "=fda", "=cpsc", "=fcc", "=sec", "=hhs", "=cnil", "data protection",
    "inspector",
  ]

  // MARK: - Tokens and grammar

  /// Abbreviations whose dot never ends a sentence.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "approx", "dept", "tel", "ext", "ref", "fig",
    "sr", "jr", "rev", "gen", "capt", "sgt", "mt", "ave", "est", "incl", "cf", "nr",
  ]
  /// Abbreviations whose dot may also end a sentence (when a capital follows).
  static let sentenceEndingAbbreviations: Set<String> = [
    "etc", "am", "pm", "ltd", "inc", "corp", "plc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun",
  ]
  /// Common top-level domains, for addresses written without "www." or a path.
  static let topLevelDomains: Set<String> = [
    "com", "org", "net", "gov", "edu", "io", "co", "uk", "eu", "de", "fr", "nl", "ie", "au",
    "nz", "ca", "us", "info", "biz", "app", "example", "test", "help", "online", "shop",
    "store", "nhs", "gg", "me", "ly", "es", "it", "be", "ch", "at", "se", "no", "dk", "in",
  ]
  /// Whole-word contractions spelt out.
  static let contractions: [String: [String]] = [
    "won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"],
    "let's": ["let", "us"], "it's": ["it", "is"], "that's": ["that", "is"],
    "there's": ["there", "is"], "here's": ["here", "is"], "what's": ["what", "is"],
    "who's": ["who", "is"], "he's": ["he", "is"], "she's": ["she", "is"],
    "ain't": ["is", "not"],
  ]
  /// Contraction endings spelt out; an empty replacement drops the ending.
  static let contractionSuffixes: [(String, String)] = [
    ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"),
    ("'d", "would"), ("'s", ""),
  ]
  /// Past participles that do not end in "-ed".
  static let irregularParticiples: Set<String> = [
    "taken", "set", "sent", "put", "begun", "made", "shut", "brought", "found", "told", "paid",
    "built", "withdrawn", "frozen", "given", "written", "spoken", "hired", "held", "kept",
    "run", "done", "seen", "known", "shown", "cut", "stolen", "lost", "left", "met", "won",
    "got", "gotten", "begun", "sold", "bought", "chosen", "driven", "fallen", "forgotten",
    "hidden", "thrown", "torn", "understood", "woken", "broken", "spent", "led", "read",
  ]
  static let numberWords: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand",
    "million", "few", "several", "half",
  ]
  static let clockWords: Set<String> = ["noon", "midday", "midnight"]
  static let negations: Set<String> = ["not", "never", "no"]
  private static let weekdays =
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
  private static let months =
    "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

  private static func expandNames(_ pattern: String) -> String {
    pattern.replacingAll("<weekday>", with: weekdays).replacingAll("<month>", with: months)
  }

  // MARK: - Compiled sets

  static let apologySet = PatternSet(apology)
  static let conditionalApologySet = PatternSet(conditionalApology)
  static let regretOnlySet = PatternSet(regretOnly)
  static let empathySet = PatternSet(empathy)
  static let feelingSet = PatternSet(feelingWords)
  static let ownershipSet = PatternSet(ownership)
  static let agentlessAlwaysSet = PatternSet(agentlessAlways)
  static let passiveHarmSet = PatternSet(passiveHarm)
  static let blameSet = PatternSet(blameShifting + victimLabels)
  static let eventSet = PatternSet(events)
  static let whenSet = PatternSet(whenCues)
  static let affectedSpecificSet = PatternSet(affectedSpecific)
  static let affectedGenericSet = PatternSet(affectedGeneric)
  static let imperativeSet = PatternSet(imperatives)
  static let noActionSet = PatternSet(noActionNeeded)
  static let softSuggestionSet = PatternSet(softSuggestions)
  static let doingSet = PatternSet(doing)
  static let vagueDoingSet = PatternSet(vagueDoing)
  static let updateSet = PatternSet(updateCommitment)
  static let timeSet = PatternSet(timeCues)
  static let helpConcreteSet = PatternSet(helpConcrete)
  static let helpVagueSet = PatternSet(helpVague)
  static let unknownSet = PatternSet(unknowns)
  static let speculationSet = PatternSet(speculation)
  static let overPromisingSet = PatternSet(overPromising)
  static let jargonSet = PatternSet(jargon.map(\.pattern))
  static let staffAudienceSet = PatternSet(staffAudience)
  static let regulatorAudienceSet = PatternSet(regulatorAudience)

  /// Every compiled set, for tests that check the lexicon's patterns.
  static let allSets: [PatternSet] = [
    apologySet, conditionalApologySet, regretOnlySet, empathySet, feelingSet, ownershipSet,
    agentlessAlwaysSet, passiveHarmSet, blameSet, eventSet, whenSet, affectedSpecificSet,
    affectedGenericSet, imperativeSet, noActionSet, softSuggestionSet, doingSet, vagueDoingSet,
    updateSet, timeSet, helpConcreteSet, helpVagueSet, unknownSet, speculationSet,
    overPromisingSet, jargonSet, staffAudienceSet, regulatorAudienceSet,
  ]
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation).
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
