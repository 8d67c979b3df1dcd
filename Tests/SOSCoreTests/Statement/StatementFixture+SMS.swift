extension StatementFixture {
  /// Text messages (160 GSM-7 characters) to affected customers.
  static let sms: [StatementFixture] = [
    // MARK: Strong
    StatementFixture(
      name: "sms strong: power cut", channel: .sms, audience: "customers", tier: .strong,
      text: """
        Northwind Power: we're sorry. Homes in Leeds LS6 lost power at 9am. Engineers are on \
        site. Do not use candles. Next update 2pm. Help: 0800 123 4567
        """,
      expect: [
        "apology": .pass, "what-happened": .pass, "who-affected": .pass, "what-to-do": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "where-help": .pass,
        "channel-length": .pass,
      ]),
    StatementFixture(
      name: "sms strong: boil water notice", channel: .sms, audience: "customers",
      tier: .strong,
      text: """
        Severn Water: sorry, tap water for homes in GL1 to GL4 is unsafe to drink since \
        6am. Boil it first. We are testing now. Next update 6pm. Help: 0800 783 4444
        """,
      expect: [
        "apology": .pass, "what-to-do": .pass, "next-update": .pass, "where-help": .pass,
        "channel-length": .pass,
      ]),
    StatementFixture(
      name: "sms strong: cancelled flight", channel: .sms, audience: "passengers",
      tier: .strong,
      text: """
        Skyway: sorry, your flight SK204 today is cancelled as we have no crew. We've \
        moved you to SK206 at 18:10. Change free: skyway.example/sk204 or 0345 600 1000
        """,
      expect: [
        "apology": .pass, "who-affected": .pass, "what-to-do": .pass,
        "what-we-are-doing": .pass, "where-help": .pass, "channel-length": .pass,
      ]),
    StatementFixture(
      name: "sms strong: card payments failing", channel: .sms, audience: "customers",
      tier: .strong,
      text: """
        Northbank: sorry, your card payments have failed since 8am. Use the app or cash for \
        now. Our engineers are fixing it. Next update 11am. Call 0800 111 2222
        """,
      expect: [
        "apology": .pass, "what-happened": .pass, "what-to-do": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "where-help": .pass,
      ]),

    // MARK: Middling
    StatementFixture(
      name: "sms middling: power cut in your area", channel: .sms, audience: "customers",
      tier: .middling,
      text: """
        Northwind Power: there is a power cut in your area. We are working to restore supply \
        as soon as possible. Sorry for any inconvenience.
        """,
      expect: [
        "apology": .partial, "what-to-do": .fail, "next-update": .fail, "where-help": .fail,
      ]),
    StatementFixture(
      name: "sms middling: flight cancelled, see website", channel: .sms,
      audience: "passengers", tier: .middling,
      text: """
        Skyway: your flight SK204 has been cancelled. We apologise for the disruption. \
        Please visit our website to rebook.
        """,
      expect: ["apology": .pass, "what-to-do": .pass, "where-help": .partial, "next-update": .fail]
    ),
    StatementFixture(
      name: "sms middling: looking into cards", channel: .sms, audience: "customers",
      tier: .middling,
      text: """
        Northbank: we are aware some customers cannot use their cards today. We are looking \
        into it and will update you. Sorry for the trouble.
        """,
      expect: [
        "apology": .pass, "what-we-are-doing": .partial, "next-update": .partial,
        "what-to-do": .fail,
      ]),
    StatementFixture(
      name: "sms middling: boil water until further notice", channel: .sms,
      audience: "customers", tier: .middling,
      text: """
        Severn Water: as a precaution please boil tap water before drinking until further \
        notice. We will update you soon. Questions? Call us.
        """,
      expect: ["apology": .fail, "what-to-do": .pass, "next-update": .partial]),

    // MARK: Poor
    StatementFixture(
      name: "sms poor: degraded card services", channel: .sms, audience: "customers",
      tier: .poor,
      text: """
        Northbank: due to a third-party network issue, card services may be intermittently \
        degraded. We are monitoring the situation.
        """,
      expect: ["apology": .fail, "blame": .fail, "jargon": .fail, "what-to-do": .fail]),
    StatementFixture(
      name: "sms poor: regrets to inform", channel: .sms, audience: "passengers", tier: .poor,
      text: """
        Skyway regrets to inform you SK204 is cancelled owing to operational reasons beyond \
        our control. No compensation is payable.
        """,
      expect: ["apology": .partial, "blame": .fail, "jargon": .partial, "where-help": .fail]),
    StatementFixture(
      name: "sms poor: emoji and guesses", channel: .sms, audience: "customers", tier: .poor,
      text: """
        Northwind 😊 Due to unforeseen technical difficulties your service may be temporarily \
        unavailable. Probably a supplier issue. Rest assured it will be fully resolved shortly!
        """,
      expect: [
        "channel-length": .fail, "speculation": .partial, "over-promising": .fail,
        "blame": .fail,
      ]),
    StatementFixture(
      name: "sms poor: water is 100% safe", channel: .sms, audience: "customers", tier: .poor,
      text: """
        Severn Water: reports of contamination are exaggerated. The water is 100% safe to \
        drink. Any issue is likely caused by customers' own pipes.
        """,
      expect: ["over-promising": .partial, "speculation": .partial, "apology": .fail]),
  ]
}
