extension StatementFixture {
  /// Memos and messages to staff.
  static let memo: [StatementFixture] = [
    // MARK: Strong
    StatementFixture(
      name: "memo strong: wrong bill emails", channel: .memo, audience: "contact-centre staff",
      tier: .strong,
      text: """
        To all contact-centre staff, 10:15 Tuesday

        At 7am today we emailed 12,000 customers the wrong bill amount. It was our mistake, \
        and I am sorry for the extra calls you will take today. I know it will be a hard \
        shift.

        What to do:
        - Tell callers the amount in the email is wrong and their real bill has not changed.
        - Do not take any payment based on that email.
        - Log each call with the code BILL-ERR.
        - Refer journalists to the press office on 020 7946 0000.

        We do not yet know how the wrong amount got into the email. Our IT team is checking \
        the mailing now. I will update you at 2pm in the team channel.

        Questions: call Priya Shah on ext 4410.
        """,
      expect: [
        "apology": .pass, "ownership": .pass, "what-to-do": .pass, "next-update": .pass,
        "where-help": .pass, "known-unknown": .pass, "what-we-are-doing": .pass,
      ]),
    StatementFixture(
      name: "memo strong: recall in stores", channel: .memo, audience: "store managers",
      tier: .strong,
      text: """
        To all store managers

        This morning we recalled Crunchy Oat bars with best before dates up to 12 May, \
        because some may contain small pieces of metal.

        Please do this now:
        1. Take every pack off the shelves and out of the stockroom by 11am.
        2. Give any customer who returns a bar a full refund, with or without a receipt.
        3. Put returned packs in the red recall cages. Do not throw them away.

        Customers will be worried. Thank them for bringing the bars back and apologise for \
        the trouble.

        Our quality team is testing samples with the factory today. We do not yet know how \
        many batches are affected. Next update by 4pm on the store portal.

        Problems? Call the incident room on 0113 496 0000.
        """,
      expect: [
        "what-to-do": .pass, "next-update": .pass, "where-help": .pass, "known-unknown": .pass,
      ]),
    StatementFixture(
      name: "memo strong: ransomware at head office", channel: .memo, audience: "all staff",
      tier: .strong,
      text: """
        To all staff

        Since 6am our office computers have been locked by a cyber attack. Tills and the \
        website still work. We are sorry: we know this makes today much harder for you.

        Please do not turn on your office computer, and do not plug in any USB sticks. Use \
        paper forms for returns until we tell you otherwise.

        Our IT team and outside specialists are working to restore the systems. We do not yet \
        know when they will be back. I will update you at 1pm and again at 5pm by text.

        If you see anything unusual, call the IT desk on 0161 555 0199.
        """,
      expect: [
        "what-to-do": .pass, "next-update": .pass, "where-help": .pass, "known-unknown": .pass,
        "what-we-are-doing": .pass,
      ]),
    StatementFixture(
      name: "memo strong: viral complaint at a branch", channel: .memo,
      audience: "front-line staff", tier: .strong,
      text: """
        To all branch teams

        A video of a customer being refused entry to our Bristol branch on Saturday is being \
        shared widely. We got this wrong and we have apologised to the customer.

        If customers or reporters ask you about it:
        - Say that we are sorry and that we are looking at what happened.
        - Do not comment on the staff in the video.
        - Pass reporters to the press office on 0117 496 0001.

        We know some of you will face angry customers today. Be kind to yourselves too. Your \
        line manager can give you a break if you need one.

        I will update you by 9am tomorrow.
        """,
      expect: ["what-to-do": .pass, "next-update": .pass, "where-help": .pass, "blame": .pass]
    ),

    // MARK: Middling
    StatementFixture(
      name: "memo middling: billing issue", channel: .memo, audience: "contact-centre staff",
      tier: .middling,
      text: """
        Team,

        Some customers received an incorrect billing email this morning. Please be aware that \
        call volumes may be higher than usual. IT are looking into the issue.

        Further information will follow.

        Thanks
        """,
      expect: ["what-to-do": .fail, "next-update": .partial, "where-help": .fail]),
    StatementFixture(
      name: "memo middling: recall notice", channel: .memo, audience: "store managers",
      tier: .middling,
      text: """
        To all store managers

        Please remove Crunchy Oat bars from sale with immediate effect following a supplier \
        quality issue. Customers returning the product should be offered a refund.

        More details to follow.
        """,
      expect: ["what-to-do": .pass, "blame": .fail, "where-help": .fail, "next-update": .partial]),
    StatementFixture(
      name: "memo middling: systems down", channel: .memo, audience: "all staff",
      tier: .middling,
      text: """
        All staff

        We are experiencing technical difficulties with our office systems. Please do not \
        use your computer until further notice. We apologise for the disruption and will \
        update you as soon as possible.
        """,
      expect: ["what-to-do": .pass, "next-update": .partial, "jargon": .partial]),
    StatementFixture(
      name: "memo middling: video circulating", channel: .memo, audience: "front-line staff",
      tier: .middling,
      text: """
        To all branch teams

        You may have seen a video circulating about our Bristol branch. The matter is being \
        investigated. Please refer any media enquiries to the press office and do not \
        comment.
        """,
      expect: ["what-to-do": .pass, "next-update": .fail, "where-help": .pass]),

    // MARK: Poor
    StatementFixture(
      name: "memo poor: no comment", channel: .memo, audience: "contact-centre staff",
      tier: .poor,
      text: """
        Team,

        There has been an issue with a mailing. Going forward the standard scripts are to \
        be utilised. This matter is being handled at a senior level.
        """,
      expect: ["what-to-do": .fail, "jargon": .fail, "where-help": .fail, "next-update": .fail]
    ),
    StatementFixture(
      name: "memo poor: blame the supplier", channel: .memo, audience: "store managers",
      tier: .poor,
      text: """
        To all stores

        As you may have heard, our supplier has had a quality problem with a product. This is \
        not our fault and the product is completely safe. There is no need to take any action \
        at this point in time.
        """,
      expect: ["blame": .fail, "over-promising": .partial, "jargon": .partial]),
    StatementFixture(
      name: "memo poor: rogue employee", channel: .memo, audience: "front-line staff",
      tier: .poor,
      text: """
        Team

        A disruptive customer has posted a misleading video online about an isolated incident \
        involving a rogue employee, who has been dealt with. The customer was probably \
        looking for compensation. No further action is required.
        """,
      expect: ["blame": .fail, "speculation": .partial, "next-update": .fail]),
    StatementFixture(
      name: "memo poor: attack minimised", channel: .memo, audience: "all staff",
      tier: .poor,
      text: """
        All staff

        Please be advised that we are experiencing a minor IT blip, likely caused by a \
        vendor's patch. The environment is fully secure and there is nothing to worry about. \
        Business as usual.
        """,
      expect: [
        "blame": .fail, "jargon": .fail, "over-promising": .fail, "speculation": .partial,
      ]),
  ]
}
