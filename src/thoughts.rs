//! What customers think, as data: the kinds of thought the model records (a long wait, a price
//! rise, a surprise…), named in dilemma decks and reports by their ids. The model decides when a
//! customer has one ([`crate::sim::customers`]); this module only names them.

/// Something a customer noticed, with its cause; the last few are kept and the worst recent one
/// is recorded as the reason when they leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThoughtKind {
    /// Waited much longer than expected (value: minutes).
    LongWait,
    /// Saw the queue and turned away at the door (value: people waiting).
    TurnedAway,
    /// Gave up waiting and left the queue (value: minutes waited).
    GaveUpWaiting,
    /// The price went up (value: percent).
    PriceUp,
    /// Too expensive for what it is.
    TooExpensive,
    /// The product was not as good as expected.
    PoorQuality,
    /// The staff seemed tired or fed up.
    TiredStaff,
    /// Something went wrong with the order or service.
    ServiceError,
    /// Got a small surprise beyond what they asked for.
    SmallSurprise,
    /// Used to get little extras, and no longer does.
    MissedTheExtras,
    /// Too many things they don't need.
    TooManyExtras,
    /// Complained and it was put right.
    ComplaintResolved,
    /// Complained and nothing came of it.
    ComplaintBrushedOff,
    /// Someone from the business checked in on them.
    CheckedIn,
    /// Had to leave because the business closed while they were waiting.
    ClosedOnMe,
    /// Heard about a scandal (a defect hushed up, a public row).
    Scandal,
    /// Liked how the business handled something in public.
    DidTheRightThing,
    /// Feels the business stopped caring about customers like them.
    LetDown,
    /// The employee they liked being served by has left.
    StaffLeft,
    /// A touchpoint of the visit went wrong (value: the stage's index in the scenario's
    /// `touchpoints`; the words are the stage's).
    BadMoment,
    /// A touchpoint of the visit delighted them (value: the stage's index).
    GoodMoment,
}

impl ThoughtKind {
    /// Stable identifier (CSV, reports).
    pub fn id(self) -> &'static str {
        match self {
            ThoughtKind::LongWait => "long_wait",
            ThoughtKind::TurnedAway => "turned_away",
            ThoughtKind::GaveUpWaiting => "gave_up_waiting",
            ThoughtKind::PriceUp => "price_up",
            ThoughtKind::TooExpensive => "too_expensive",
            ThoughtKind::PoorQuality => "poor_quality",
            ThoughtKind::TiredStaff => "tired_staff",
            ThoughtKind::ServiceError => "service_error",
            ThoughtKind::SmallSurprise => "small_surprise",
            ThoughtKind::MissedTheExtras => "missed_the_extras",
            ThoughtKind::TooManyExtras => "too_many_extras",
            ThoughtKind::ComplaintResolved => "complaint_resolved",
            ThoughtKind::ComplaintBrushedOff => "complaint_brushed_off",
            ThoughtKind::CheckedIn => "checked_in",
            ThoughtKind::ClosedOnMe => "closed_on_me",
            ThoughtKind::Scandal => "scandal",
            ThoughtKind::DidTheRightThing => "did_the_right_thing",
            ThoughtKind::LetDown => "let_down",
            ThoughtKind::StaffLeft => "staff_left",
            ThoughtKind::BadMoment => "bad_moment",
            ThoughtKind::GoodMoment => "good_moment",
        }
    }

    /// The catalogue key of its label ("Long wait"); its one-line explanation is under the same
    /// key with `-hint`. What a customer says is the scenario's (`words.thoughts`).
    pub fn key(self) -> String {
        format!("thought-{}", self.id().replace('_', "-"))
    }

    /// Its label, as a person reads it.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::message(lang, &self.key(), None)
    }

    /// One line on what it means for the customer.
    pub fn hint(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::message(lang, &format!("{}-hint", self.key()), None)
    }

    pub const ALL: [ThoughtKind; 21] = [
        ThoughtKind::LongWait,
        ThoughtKind::TurnedAway,
        ThoughtKind::GaveUpWaiting,
        ThoughtKind::PriceUp,
        ThoughtKind::TooExpensive,
        ThoughtKind::PoorQuality,
        ThoughtKind::TiredStaff,
        ThoughtKind::ServiceError,
        ThoughtKind::SmallSurprise,
        ThoughtKind::MissedTheExtras,
        ThoughtKind::TooManyExtras,
        ThoughtKind::ComplaintResolved,
        ThoughtKind::ComplaintBrushedOff,
        ThoughtKind::CheckedIn,
        ThoughtKind::ClosedOnMe,
        ThoughtKind::Scandal,
        ThoughtKind::DidTheRightThing,
        ThoughtKind::LetDown,
        ThoughtKind::StaffLeft,
        ThoughtKind::BadMoment,
        ThoughtKind::GoodMoment,
    ];

    /// The thought with this identifier.
    pub fn from_id(id: &str) -> Option<ThoughtKind> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}
