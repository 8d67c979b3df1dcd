extension StatementFixture {
  /// First social posts (280 characters) to customers and the public.
  static let social: [StatementFixture] = [
    // MARK: Strong
    StatementFixture(
      name: "social strong: cereal bar recall", channel: .social, audience: "customers",
      tier: .strong,
      text: """
        We're sorry: our Crunchy Oat bars (best before 12 May) may contain small pieces of \
        metal. Don't eat them. Return them to any store for a full refund. We know this is \
        worrying. We're checking the factory line now. Next update 5pm today. \
        Help: northwind.example/recall
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "what-to-do": .pass, "next-update": .pass,
        "where-help": .pass, "channel-length": .pass, "blame": .pass,
      ]),
    StatementFixture(
      name: "social strong: app outage", channel: .social, audience: "customers",
      tier: .strong,
      text: """
        Our app and website have been down since 7:40am, so many of you can't pay bills or \
        check balances. We're so sorry, we know how stressful that is. You can still pay by \
        card in shops. Our engineers are restoring service now. Next update at 10am. \
        Help: 0800 123 4567
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "what-happened": .pass, "what-to-do": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "where-help": .pass,
      ]),
    StatementFixture(
      name: "social strong: data exposure", channel: .social, audience: "customers",
      tier: .strong,
      text: """
        We're sorry. On Monday we found that our mistake left some customer names and emails \
        open online. No passwords or card details were in it. We know this is worrying. \
        Please watch for fake emails. We have closed it. Next update by 6pm. \
        northwind.example/data
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "empathy": .pass, "what-to-do": .pass,
        "next-update": .pass, "where-help": .pass,
      ]),
    StatementFixture(
      name: "social strong: storm power cuts", channel: .social, audience: "public",
      tier: .strong,
      text: """
        Storm Ciara has cut power to about 12,000 homes in Cork and Kerry since 3am. We're \
        sorry, and we know how hard a cold night without power is. Crews are out now. Stay \
        away from fallen lines. Updates every 2 hours: esb.example/storm
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "what-happened": .pass, "who-affected": .pass,
        "what-to-do": .pass, "next-update": .pass, "where-help": .pass,
      ]),
    StatementFixture(
      name: "social strong: racist remark on video", channel: .social, audience: "customers",
      tier: .strong,
      text: """
        We've seen the video from our Leeds store on Saturday. What our manager said was \
        racist and we're deeply sorry. We know how upsetting it is to watch. He is suspended \
        while we investigate. If you were there, please email care@northwind.example. \
        Update on Friday.
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "what-to-do": .pass, "where-help": .pass,
        "next-update": .pass, "blame": .pass,
      ]),
    StatementFixture(
      name: "social strong: chicken shortage", channel: .social, audience: "customers",
      tier: .strong,
      text: """
        We're sorry: since Monday about 400 of our restaurants have run out of chicken after \
        we changed our delivery routes. We got this wrong and we know it's frustrating. Check \
        which are open at kfc.example/open. Our teams are working round the clock. Next \
        update tomorrow 9am.
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "empathy": .pass, "what-to-do": .pass,
        "next-update": .pass, "where-help": .pass,
      ]),

    // MARK: Middling
    StatementFixture(
      name: "social middling: login issues", channel: .social, audience: "customers",
      tier: .middling,
      text: """
        We're aware some customers are having issues logging in to the app this morning. \
        We're sorry for any inconvenience caused. Our team is working to resolve the issue \
        as quickly as possible. We'll keep you updated.
        """,
      expect: [
        "apology": .partial, "empathy": .fail, "what-to-do": .fail, "next-update": .partial,
        "where-help": .fail, "jargon": .partial,
      ]),
    StatementFixture(
      name: "social middling: cautious recall", channel: .social, audience: "customers",
      tier: .middling,
      text: """
        Out of an abundance of caution, we are recalling our Crunchy Oat bars (best before \
        12 May) as some may contain small pieces of metal. Please return them to the store \
        for a refund. We apologise for the inconvenience and will share more soon.
        """,
      expect: [
        "apology": .pass, "what-to-do": .pass, "who-affected": .pass, "next-update": .partial,
        "jargon": .fail,
      ]),
    StatementFixture(
      name: "social middling: unauthorised access", channel: .social, audience: "customers",
      tier: .middling,
      text: """
        We recently identified unauthorised access to part of our systems and some customer \
        data may have been affected. We take the security of your data very seriously and \
        are working with experts to investigate. We apologise and will update customers \
        directly.
        """,
      expect: ["apology": .pass, "what-to-do": .fail, "where-help": .fail, "empathy": .fail]),
    StatementFixture(
      name: "social middling: video of colleague", channel: .social, audience: "customers",
      tier: .middling,
      text: """
        We are aware of a video circulating on social media involving one of our colleagues. \
        This behaviour does not reflect our values. We are sorry that this happened and we \
        are investigating. We will update you.
        """,
      expect: [
        "apology": .pass, "what-to-do": .fail, "next-update": .partial, "where-help": .fail,
      ]),
    StatementFixture(
      name: "social middling: weather power loss", channel: .social, audience: "public",
      tier: .middling,
      text: """
        Due to severe weather, power has been lost to homes in Cork and Kerry. Crews are \
        working to restore supply as quickly as possible. We're sorry for the disruption. \
        Please check our website for updates.
        """,
      expect: [
        "apology": .pass, "what-to-do": .pass, "where-help": .partial, "empathy": .fail,
      ]),

    // MARK: Poor
    StatementFixture(
      name: "social poor: latency and a third party", channel: .social, audience: "customers",
      tier: .poor,
      text: """
        Northwind is aware of intermittent latency impacting a small number of users. This is \
        due to a third-party provider. Our SLAs remain fully met and the service is fully \
        secure. No further comment at this time.
        """,
      expect: [
        "apology": .fail, "blame": .fail, "jargon": .fail, "over-promising": .partial,
        "what-to-do": .fail,
      ]),
    StatementFixture(
      name: "social poor: re-accommodate", channel: .social, audience: "customers",
      tier: .poor,
      text: """
        This is an upsetting event for all of us here. We apologise for having to \
        re-accommodate these customers. The passenger was disruptive and belligerent, and \
        our staff followed established procedures.
        """,
      expect: ["blame": .fail, "jargon": .partial, "what-to-do": .fail, "next-update": .fail]),
    StatementFixture(
      name: "social poor: pursuant to a threat actor", channel: .social, audience: "customers",
      tier: .poor,
      text: """
        Pursuant to our obligations, Northwind hereby notifies users that a security incident \
        occurred. The threat actor probably exploited a vulnerability in a vendor's system. \
        We guarantee your data is 100% safe.
        """,
      expect: [
        "ownership": .fail, "blame": .fail, "speculation": .partial, "over-promising": .fail,
        "jargon": .fail,
      ]),
    StatementFixture(
      name: "social poor: exaggerated reports", channel: .social, audience: "customers",
      tier: .poor,
      text: """
        Reports about our Crunchy Oat bars are being exaggerated online. Our products are \
        completely safe and there is no risk to anyone. Any issue is most likely down to our \
        supplier. We're sorry if anyone was worried.
        """,
      expect: [
        "apology": .partial, "blame": .fail, "over-promising": .fail, "speculation": .partial,
      ]),
    StatementFixture(
      name: "social poor: sorry you feel that way", channel: .social, audience: "customers",
      tier: .poor,
      text: """
        We're sorry you feel that way, but our staff followed policy. The customer chose not \
        to read the terms and conditions. We will not be commenting further.
        """,
      expect: ["apology": .partial, "blame": .fail, "what-to-do": .fail, "where-help": .fail]),
  ]
}
