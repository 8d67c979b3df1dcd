extension StatementFixture {
  /// Notices to regulators (weighed on facts, measures, timings and plain accountability).
  static let regulator: [StatementFixture] = [
    // MARK: Strong
    StatementFixture(
      name: "regulator strong: GDPR Art. 33 notice", channel: .regulatorNotice,
      audience: "data protection authority", tier: .strong,
      text: """
        Personal data breach notification under Article 33 GDPR

        Controller: Northwind Retail Ltd. Contact: Priya Shah, Data Protection Officer, \
        dpo@northwind.example, +44 20 7946 0000.

        What happened: on 4 March 2025 at 09:10 a security researcher told us that a \
        customer loyalty database was readable on the internet without a password. We made \
        this mistake when we changed a storage setting on 27 February. We closed access at \
        09:52 the same day.

        Who is affected: about 48,000 customers. The data were names, email addresses and \
        loyalty points. No passwords, payment cards or special category data were involved.

        Likely consequences: phishing emails that use the customers' names.

        Measures: we have closed access, checked every other database for the same setting, \
        and started to email every affected customer in plain language on 5 March.

        Not yet known: whether anyone other than the researcher copied the data. We are \
        still analysing the access logs, and we will send you a further report by 11 March.
        """,
      expect: [
        "ownership": .pass, "what-happened": .pass, "who-affected": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "contact-point": .pass,
        "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "regulator strong: product safety report", channel: .regulatorNotice,
      audience: "product safety regulator", tier: .strong,
      text: """
        Report of a product safety hazard

        Company: Brightline Appliances Ltd. Contact: Ana Lopez, Safety Lead, \
        safety@brightline.example, 0161 555 0100.

        Product: Brightline 1.7 litre kettle, model BK17, sold from 1 to 20 February 2025. \
        About 6,200 units were sold in the UK.

        Hazard: the base can overheat and melt. On 10 March we received two reports of \
        minor burns. We confirmed the fault in our own tests on 11 March.

        Action taken: we stopped sales on 10 March, and on 11 March we began to contact \
        every buyer to ask them to stop using the kettle and return it for a refund.

        Not yet known: whether other batches are affected. Our tests continue, and we will \
        report the results to you within 10 days.
        """,
      expect: [
        "what-happened": .pass, "who-affected": .pass, "what-we-are-doing": .pass,
        "next-update": .pass, "contact-point": .pass, "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "regulator strong: network outage report", channel: .regulatorNotice,
      audience: "telecoms regulator", tier: .strong,
      text: """
        Initial outage report

        Provider: Northwind Telecom. Contact: Sam Patel, Network Operations Director, \
        noc@northwind.example, 020 7946 0111.

        At 04:20 on 8 July 2025 a software update we made to our core network stopped \
        calls in the north of England, including calls to 999. It affected about 310,000 \
        customers. We reversed the update and service was back at 06:05.

        We have stopped all further network changes. We are checking why our tests did not \
        catch the fault.

        We do not yet know whether any emergency call failed to connect. We will send a \
        full report within 3 days, and a final report within 30 days.
        """,
      expect: [
        "ownership": .pass, "what-happened": .pass, "who-affected": .pass,
        "next-update": .pass, "contact-point": .pass, "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "regulator strong: financial incident report", channel: .regulatorNotice,
      audience: "financial regulator", tier: .strong,
      text: """
        Major incident: initial report

        Firm: Northbank plc. Contact: Lena Fox, Head of Operational Resilience, \
        resilience@northbank.example, 020 7946 0222.

        From 08:00 on 3 June 2025 card payments failed for about 1.2 million customers for \
        three hours. The cause was a faulty change we made to our payment gateway. We \
        reversed it at 11:05.

        We are refunding any fees customers paid as a result, and we have paused changes \
        to payment systems.

        We do not yet know how many payments failed in total. We will send an intermediate \
        report within 72 hours and a final report within one month.
        """,
      expect: [
        "ownership": .pass, "what-happened": .pass, "who-affected": .pass,
        "what-we-are-doing": .pass, "next-update": .pass, "contact-point": .pass,
      ]),

    // MARK: Middling
    StatementFixture(
      // Three of the four Art. 33(3) contents missing and "in due course" as the only
      // phasing: a 2 by facilitator-guide/scoring.md §14.5.
      name: "regulator poor: breach notice without numbers", channel: .regulatorNotice,
      audience: "data protection authority", tier: .poor,
      text: """
        Notification of a personal data breach

        Northwind Retail Ltd wishes to notify the Authority that a database containing \
        customer information was recently found to be accessible online. The issue has been \
        resolved.

        We are investigating the matter and will provide further information in due course. \
        Please contact our Data Protection Officer with any questions.
        """,
      expect: ["next-update": .partial, "contact-point": .pass, "who-affected": .partial]),
    StatementFixture(
      name: "regulator middling: outage summary", channel: .regulatorNotice,
      audience: "telecoms regulator", tier: .middling,
      text: """
        Outage notification

        On 8 July an incident occurred affecting voice services in the north of England. \
        Services were restored the same morning. We are conducting a review and will provide \
        a report.
        """,
      expect: ["ownership": .fail, "next-update": .partial, "contact-point": .fail]),
    StatementFixture(
      name: "regulator middling: product report", channel: .regulatorNotice,
      audience: "product safety regulator", tier: .middling,
      text: """
        Product safety notification

        Brightline Appliances has received reports that the BK17 kettle may overheat. Sales \
        have been paused while we look into this. We will keep you informed. Contact: \
        safety@brightline.example.
        """,
      expect: ["next-update": .partial, "contact-point": .pass]),

    // MARK: Poor
    StatementFixture(
      name: "regulator poor: everything is fine", channel: .regulatorNotice,
      audience: "data protection authority", tier: .poor,
      text: """
        Re: press reports

        We are aware of press reports concerning our loyalty scheme. Any exposure was \
        probably caused by our hosting vendor and there is no risk to customers. We consider \
        that no notification is required and the matter is closed.
        """,
      expect: [
        "blame": .fail, "speculation": .partial, "over-promising": .partial,
        "next-update": .fail, "contact-point": .fail,
      ]),
    StatementFixture(
      name: "regulator poor: late and vague", channel: .regulatorNotice,
      audience: "telecoms regulator", tier: .poor,
      text: """
        Notification

        An issue was identified with our network. It was likely caused by a supplier's \
        equipment. Services are now fully restored and this will not happen again.
        """,
      expect: ["ownership": .fail, "blame": .fail, "over-promising": .partial]),
    StatementFixture(
      name: "regulator poor: minimising the product", channel: .regulatorNotice,
      audience: "product safety regulator", tier: .poor,
      text: """
        Dear Sir or Madam

        A small number of customers have complained about our kettle. We believe it was \
        misuse. Our products are completely safe and we guarantee their quality.
        """,
      expect: ["speculation": .partial, "over-promising": .fail, "jargon": .partial]),
  ]
}
