extension StatementFixture {
  /// E-mails to customers, and letters to a key-account client.
  static let email: [StatementFixture] = [
    // MARK: Strong
    StatementFixture(
      name: "email strong: loyalty data exposed", channel: .email, audience: "customers",
      tier: .strong,
      text: """
        Subject: We exposed some of your details, and we are sorry

        Dear customer,

        On Tuesday 4 March a security researcher told us that a database we run had been \
        left open on the internet. It held the names, email addresses and loyalty points of \
        about 48,000 customers, and yours was one of them. This was our mistake and we are \
        sorry. We know how worrying this news is.

        No passwords or card details were in the database. We do not yet know whether anyone \
        other than the researcher copied it, and we are still checking our logs.

        What you can do:
        - Watch for emails that use your name and ask you to click a link or pay.
        - Do not share your password with anyone who calls or emails you.

        We closed the database within an hour of the report, and we have told the Data \
        Protection Commission. We will email you again by Friday 7 March with what our \
        checks have found.

        If you have questions, call our helpline free on 0800 028 4400 (8am to 8pm) or visit \
        northwind.example/data.

        Priya Shah
        Head of Customer Care
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "ownership": .pass, "what-happened": .pass,
        "who-affected": .pass, "what-to-do": .pass, "what-we-are-doing": .pass,
        "next-update": .pass, "where-help": .pass, "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "email strong: double charged", channel: .email, audience: "customers",
      tier: .strong,
      text: """
        Subject: We charged you twice for your March bill

        Dear Sam,

        We are sorry. On 2 March a fault in our billing run took your monthly payment twice. \
        It affects about 9,000 customers who pay by direct debit. We know an unexpected \
        payment can leave you short, and that is not fair on you.

        We made this mistake and we are putting it right. We have already started the \
        refunds, and the extra payment will be back in your account by Thursday 6 March.

        You do not need to do anything. If the double payment has caused bank charges, \
        reply to this email and we will pay them.

        We will write again on Thursday to confirm the refund. If you need help sooner, call \
        us on 0345 222 0101.

        Tom Reyes, Billing Manager
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "what-to-do": .pass, "next-update": .pass,
        "where-help": .pass, "empathy": .pass,
      ]),
    StatementFixture(
      name: "email strong: online order recall", channel: .email, audience: "customers",
      tier: .strong,
      text: """
        Subject: Please stop using the Brightline kettle you bought from us

        Dear customer,

        You bought a Brightline 1.7 litre kettle (model BK17) from us between 1 and 20 \
        February. On Monday we learned that its base can overheat and melt. Two customers \
        have reported burns. We are sorry, and we know how alarming this is.

        Please unplug the kettle now and stop using it. Return it to any of our stores, or \
        book a free collection at brightline.example/recall, and we will refund you in full.

        We have stopped selling the kettle and are testing the bases with the maker. We do \
        not yet know how many kettles are affected. We will email you again within 48 \
        hours with what we find.

        Questions? Call 0800 316 2020, 8am to 10pm, every day.

        Ana Lopez, Customer Safety Lead
        """,
      expect: [
        "apology": .pass, "empathy": .pass, "who-affected": .pass, "what-to-do": .pass,
        "next-update": .pass, "where-help": .pass, "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "email strong: key-account letter", channel: .email,
      audience: "key account client", tier: .strong,
      text: """
        Subject: Your deliveries: what went wrong and what we are doing

        Dear Ms Okafor,

        You have told us four times since January that your deliveries arrive late, and you \
        were right each time. We let you down, and I am sorry. I know how much pressure our \
        failures have put on your store teams.

        What happened: we moved your account to a new depot in January without checking it \
        could handle your volume. That was our error.

        From Monday your deliveries go back to the Leeds depot, and I have named Dan Webb as \
        your account manager. He will call you every Friday with the week's figures. Please \
        tell him, or me, the same day if any delivery is late.

        We do not yet know how much the delays cost you. Send us your figures and we will \
        agree a credit with you by 28 March.

        I will call you on Thursday at 10am to talk it through. You can reach me any time on \
        07700 900 123.

        Yours sincerely,
        Helen Marsh, Managing Director
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "empathy": .pass, "what-to-do": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "where-help": .pass,
        "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "email strong: wrong email sent", channel: .email, audience: "customers",
      tier: .strong,
      text: """
        Subject: Please ignore this morning's email about your account closing

        Dear customer,

        At 7am today we sent you an email saying your account will close. That was our \
        mistake: it went to 30,000 customers by error, and your account is not closing. We \
        are sorry for the worry it caused, and we understand why many of you called us.

        You do not need to do anything. Please do not click the link in that email.

        We have stopped the mailing and are checking how it was sent. We will email you by \
        5pm today to confirm that everything is in order.

        If you are worried, call us on 0800 500 600 or visit northwind.example/help.

        Priya Shah
        Customer Care Director, Northwind
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "what-to-do": .pass, "next-update": .pass,
        "where-help": .pass, "empathy": .pass,
      ]),

    // MARK: Middling
    StatementFixture(
      name: "email middling: data incident notice", channel: .email, audience: "customers",
      tier: .middling,
      text: """
        Subject: Important information about your data

        Dear customer,

        We are writing to let you know about an incident involving some of your personal \
        information. We recently became aware that a database was accessible online. We \
        apologise for any concern this may cause.

        We have secured the database and are reviewing our processes. As a precaution, we \
        recommend that you are alert to unexpected emails.

        We will keep you informed. If you have any questions, please contact our customer \
        service team.

        Kind regards,
        Northwind
        """,
      expect: [
        "apology": .partial, "what-we-are-doing": .pass, "next-update": .partial,
        "where-help": .partial,
      ]),
    StatementFixture(
      name: "email middling: billing error", channel: .email, audience: "customers",
      tier: .middling,
      text: """
        Subject: Your March bill

        Dear customer,

        Due to a technical issue, some customers were charged twice for their March bill. We \
        are sorry for this. Refunds will be processed in due course.

        If you have been affected and have any questions, please contact us through our \
        website.

        Regards,
        Customer Billing
        """,
      expect: [
        "apology": .pass, "ownership": .fail, "jargon": .partial, "next-update": .fail,
      ]),
    StatementFixture(
      name: "email middling: product safety update", channel: .email, audience: "customers",
      tier: .middling,
      text: """
        Subject: Product safety notice

        Dear customer,

        We have been made aware of a possible safety issue with the Brightline kettle (model \
        BK17). While we investigate, we advise customers to stop using the product. We \
        apologise for the inconvenience.

        Further details will follow in due course. For more information please visit our \
        website.

        Customer Services
        """,
      expect: ["apology": .pass, "what-to-do": .pass, "next-update": .partial]),
    StatementFixture(
      name: "email middling: key-account reply", channel: .email,
      audience: "key account client", tier: .middling,
      text: """
        Subject: Re: delivery performance

        Dear Ms Okafor,

        Thank you for your email. I'm sorry to hear about the recent delivery problems. We \
        have had some operational challenges at our new depot, which we are working hard to \
        resolve.

        I have asked our operations team to review your account and we will come back to \
        you with an update.

        Please don't hesitate to get in touch if you have any further concerns.

        Best regards,
        Helen Marsh
        """,
      expect: ["apology": .partial, "next-update": .partial, "where-help": .partial]),
    StatementFixture(
      name: "email middling: mailing mistake", channel: .email, audience: "customers",
      tier: .middling,
      text: """
        Subject: Correction

        Dear customer,

        Earlier today you may have received an email from us saying that your account would \
        be closed. This email was sent in error and can be ignored. We apologise for any \
        confusion caused.

        Kind regards,
        Northwind
        """,
      expect: ["apology": .partial, "next-update": .fail, "where-help": .fail]),

    // MARK: Poor
    StatementFixture(
      name: "email poor: notification pursuant", channel: .email, audience: "customers",
      tier: .poor,
      text: """
        Subject: Notification of security incident

        Dear valued customer,

        Pursuant to our obligations hereinafter described, Northwind Ltd wishes to inform you \
        that an incident occurred whereby a threat actor may have gained unauthorised access \
        to certain PII held by a third-party vendor. The root cause is believed to be a \
        misconfiguration by the vendor. Remediation activities have been undertaken and the \
        environment is now completely secure.

        Northwind Ltd accepts no liability for any loss arising from this incident.
        """,
      expect: [
        "apology": .fail, "blame": .fail, "jargon": .fail, "over-promising": .partial,
        "ownership": .fail, "what-to-do": .fail,
      ]),
    StatementFixture(
      name: "email poor: billing denial", channel: .email, audience: "customers",
      tier: .poor,
      text: """
        Subject: Your recent complaint

        Dear customer,

        We have reviewed your complaint regarding duplicate payments. Our systems are fully \
        secure and operating as intended, and any duplicate payment was most likely caused by \
        your bank. We regret any inconvenience but are unable to comment further.
        """,
      expect: [
        "apology": .partial, "over-promising": .partial, "speculation": .partial,
        "what-to-do": .fail, "where-help": .fail,
      ]),
    StatementFixture(
      name: "email poor: key-account brush-off", channel: .email,
      audience: "key account client", tier: .poor,
      text: """
        Subject: Re: delivery performance

        Dear Ms Okafor,

        We note your comments. Our delivery performance across all clients remains within \
        SLA, and the isolated delays you mention were due to factors beyond our control, \
        including our haulage contractor. We are sorry if you feel our service has fallen \
        short. Going forward we will continue to monitor performance.

        Regards,
        Account Management
        """,
      expect: ["apology": .partial, "blame": .fail, "jargon": .fail, "what-to-do": .fail]),
    StatementFixture(
      name: "email poor: kettle is safe", channel: .email, audience: "customers",
      tier: .poor,
      text: """
        Subject: Brightline kettle

        Dear customer,

        You may have seen reports online about the Brightline kettle. We want to reassure \
        you that our products are 100% safe and there is no risk. The reports probably \
        relate to misuse by customers who did not follow the instructions. We guarantee the \
        quality of every product we sell.
        """,
      expect: [
        "over-promising": .fail, "speculation": .partial, "blame": .fail, "apology": .fail,
      ]),
  ]
}
