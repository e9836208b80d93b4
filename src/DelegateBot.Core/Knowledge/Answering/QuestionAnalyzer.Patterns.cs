using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>The question shapes: wh-phrases per answer type, focus phrases, numbered parts, framing phrases.</summary>
internal static partial class QuestionAnalyzer
{
    [GeneratedRegex(@"\bhow long\b|\bhow early\b|\bhow far in advance\b|\bhow much (?:time|notice|advance notice|prior notice|warning)\b|\bhow many (?:days|weeks|months|years|hours) (?:before|in advance|prior|ahead|does|do|will|is|are)\b|^what is the (?:term|duration|length|period) of\b")]
    private static partial Regex DurationQuestion();

    [GeneratedRegex(@"\b(?:what|which|at what)\s+time\b|\bwhat hour\b|\bhow late\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"^(?:when|until when|by when|since when)\b|\bwhen\b|\b(?:what|which)\s+(?:dates?|days?|years?|months?)\b|\bdeadline\b|\bhow long ago\b")]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^where\b|\bwhere\b|\b(?:what|which|in which|in what)\s+(?:room|venue|city|place|location|building|address|hall|airport|station|hotel|gate|entrance)\b|\baddress\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"\b(?:what|which|in which|in what)\s+languages?\b|^(?:what|which)\s+(?:is|are|was|were|will be)\s+the\s+(?:[\w-]+\s+)?languages?\b")]
    private static partial Regex LanguageQuestion();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:country|countries|state|government|nation)\b")]
    private static partial Regex CountryQuestion();

    [GeneratedRegex(@"^(?:who|what|which)\s+(?:are|were)\s+the\s+(?:[\w-]+\s+){0,2}?[\w-]+(?<!s)s\b|^(?:who|what)\s+(?:are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:panelists|panellists|speakers|members|participants|sponsors|partners)\b|^list\b|^(?:which|what)\s+[\w-]+(?<!s)s\s+(?:are|were|make up|made up|comprise|constitute|form|belong)\b|\bkey questions\b")]
    private static partial Regex ListQuestion();

    [GeneratedRegex(@"^(?:who|whom|whose)\b|\bwho\b|\bby whom\b|\b(?:which|what)\s+(?:person|official|speaker|panel(?:l)?ist|participant|chair|chairperson|moderator|minister|ambassador|representative|expert|president|director|delegate|presenter|rapporteur)\b")]
    private static partial Regex PersonQuestion();

    /// <summary>"What is the Caden Corporation executive's name?", "What is the name of the chair?": a person's name.</summary>
    [GeneratedRegex(@"^what(?:'s|\s+is|\s+was)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}(?:executive|chair|chairperson|director|president|minister|secretary|speaker|moderator|representative|officer|person|contact|head|organizer|organiser|rapporteur|ambassador)(?:'s|’s)\s+name|name\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:executive|chair|chairperson|director|president|minister|secretary|speaker|moderator|representative|officer|person|contact|head|organizer|organiser|rapporteur|ambassador))\b")]
    private static partial Regex PersonNameQuestion();

    [GeneratedRegex(@"\b(?:which|what)\s+(?:organi[sz]ation|agency|foundation|body|institution|entity|office|department|group|fund)\b")]
    private static partial Regex OrganisationQuestion();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:theme|title|name|topic|subject|motto|slogan)\b")]
    private static partial Regex QuoteQuestion();

    [GeneratedRegex(@"^(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?<s>[\w\s'’-]{2,60}?)\s*\??$|^what\s+(?:does|do|did)\s+(?:the\s+)?(?:term\s+|acronym\s+|abbreviation\s+)?(?<s>[\w\s'’-]+?)\s+(?:stand for|mean)\b|^(?:define|explain)\s+(?<s>.+?)\??$|^what\s+is\s+meant\s+by\s+(?<s>.+?)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionSubject();

    [GeneratedRegex(@"^(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?<f>(?:[\w-]+\s+){0,2}?[\w-]+?)(?:\s+(?:of|for|in|on|at|to|by|from|with|about|that|which|who|does|did|do|will|is|are|was|were)\b|\s*\?|$)")]
    private static partial Regex WhatTheFocus();

    [GeneratedRegex(@"^who\s+(?:(?:will|would|shall|can|could|should|must|did|does|do)\s+(?!be\b))?(?:(?:gives|give|gave|makes|make|made|delivers|deliver|delivered|has|have|had)\s+)?(?:the\s+|an?\s+)?(?<f>(?!is\b|are\b|was\b|were\b|will\b|did\b|does\b|be\b)[\w-]+)")]
    private static partial Regex WhoFocus();

    [GeneratedRegex(@"^who\s+(?:is|was|are|were|will be)\s+(?:the\s+)?(?<f>[\w-]+)")]
    private static partial Regex WhoIsFocus();

    [GeneratedRegex(@"^who\s+(?:is|are|was|were|will be)\s+(?<f>[a-z]+ing)\b")]
    private static partial Regex WhoProgressive();

    /// <summary>"... do the transfers leave from?": the word before a closing preposition is a verb.</summary>
    [GeneratedRegex(@"\b(?<v>[a-z]+)\s+(?:from|to|at|in|on|for|with|by|about|into)\s*\??\s*$")]
    private static partial Regex VerbBeforeFinalPreposition();

    /// <summary>"Which committees ...", "What organs ...": the plural noun names the items of the list asked for.</summary>
    [GeneratedRegex(@"^(?:which|what)\s+(?<f>[\w-]+(?<!s)s)\s+(?:are|were|is|do|does|did|make|made|will|have|has)\b")]
    private static partial Regex PluralFocus();

    [GeneratedRegex(@"^(?:in\s+)?which\s+[\w-]+\s+(?:(?:are|were)\s+)?(?<f>[\w-]+)")]
    private static partial Regex WhichFocus();

    [GeneratedRegex(@"^how\s+many\s+(?<f>(?:[\w-]+\s+){0,2}?[\w-]+?)\s+(?:are|were|is|was|did|do|does|have|has|had|will|can|attended|participated|took|replied|responded|attend|participate|there)\b")]
    private static partial Regex HowManyFocus();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    /// <summary>A question's word; "U.S." stays one, as the tokenizer keeps it in the documents.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|\.(?=\p{L}\.))*")]
    private static partial Regex QuestionWord();

    /// <summary>"the date of the previous letter": a date a document cites is what is asked.</summary>
    [GeneratedRegex(@"\b(?:previous|earlier|first|prior|cited|mentioned|referred|further to|last)\b")]
    private static partial Regex EarlierDocument();

    [GeneratedRegex(@"^(?:[Bb]y\s+)?(?:[Ww]ho(?:m|se)?|[Ww]hat|[Ww]hen|[Ww]here|[Ww]hich|[Hh]ow|[Ww]hy)\b")]
    private static partial Regex LeadingQuestionWord();

    [GeneratedRegex(@"\b(?:gives|give|gave|makes|make|made|delivers|deliver|delivered|has|have|had)\s+(?:the\s+|an?\s+)?$")]
    private static partial Regex LightVerb();

    /// <summary>"the opening ceremony", "the welcome remarks": an item that opens a programme.</summary>
    [GeneratedRegex(@"\b(?:opening|welcome|welcoming|introductory|inaugural)\s+(?:ceremony|session|remarks|statements?|address|speech|plenary|segment)\b")]
    private static partial Regex OpeningItem();

    [GeneratedRegex(@"\b(?:closing|concluding|final)\s+(?:ceremony|session|remarks|statements?|address|speech|plenary|segment)\b")]
    private static partial Regex ClosingItem();

    /// <summary>"Who chairs ...", "who is the chair of ...", "who currently leads ...": a role held now.</summary>
    [GeneratedRegex(@"^who\s+(?:currently\s+)?(?:chairs|leads|heads|presides|coordinates|hosts|directs|runs)\b|^who\s+(?:is|are)\s+(?:the\s+)?(?:current\s+|present\s+)?(?:chair|chairman|chairperson|co-chair|head|president|director|leader|coordinator|host)\b|\bcurrent(?:ly)?\b")]
    private static partial Regex PresentRole();

    [GeneratedRegex(@"\bWHO\b")]
    private static partial Regex WhoAcronym();

    [GeneratedRegex(@"\G\s+(?<w>[a-z][\w-]*)")]
    private static partial Regex NextWord();

    /// <summary>"Who is the steering committee assisted by?", "By whom was the conference organized?", "Who was it chaired by?".</summary>
    [GeneratedRegex(@"^(?:who|whom)\s+(?:is|are|was|were|will be|has been|have been|had been|would be)\s+(?:.+?\s+)?(?<v>[a-z]+(?:ed|en)|led|held|run|made|paid|won|sent|met|hosted|funded|chaired)\s+by\s*\??$|^by\s+whom\s+(?:is|are|was|were|will|would|has|have|had)\s+(?:.+?\s+)?(?:be\s+|been\s+)?(?<v>[a-z]+(?:ed|en)|led|held|run|made|paid|won|sent|met)\s*\??$")]
    private static partial Regex PassiveWho();

    /// <summary>"What is the annual budget ...", "... in dollars": an amount of money, even without "how much".</summary>
    [GeneratedRegex(@"^(?:what|which)\s+(?:is|was|are|were|will be)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:budget|cost|costs|price|fee|fees|amount|sum|salary|contribution|funding|allocation)\b|\bin (?:dollars|euros|us dollars|francs)\b")]
    private static partial Regex AmountQuestion();

    [GeneratedRegex(@"^(?:what|which)\s+(?:is|was|are|were|will be)\s+(?:the\s+)?(?:exact\s+|precise\s+|closing\s+|opening\s+|starting\s+)?(?<noun>date|dates|day|time|times|hour|venue|location|place|room|address|city|building)\s+(?:of|for)\b")]
    private static partial Regex TypeNoun();

    [GeneratedRegex(@"^(?:what|which)\s+(?:is|was|are|were|will be)\s+the\s+(?<type>[\w-]+)\s+(?:of|for)\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+'s\s+)?(?<f>[\w-]+)")]
    private static partial Regex OfWhat();

    [GeneratedRegex(@"\b(?:e-?mail|electronic mail)\b")]
    private static partial Regex EmailQuestion();

    [GeneratedRegex(@"\b(?:(?:tele)?phone|tel|fax|facsimile|mobile)\b(?:\s+(?:number|no))?|\bnumber to call\b")]
    private static partial Regex PhoneQuestion();

    [GeneratedRegex(@"\b(?:which|what)\s+(?:(?:general assembly|security council|un)\s+)?(?:resolution|document symbol|symbol|decision)\b|\b(?:document|reference|file|job|ref\.?)\s+(?:number|no\.?)(?!\w)|^(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:(?:un|official|document)\s+)?(?:symbol|reference|ref\.?)(?!\w)")]
    private static partial Regex ReferenceQuestion();

    [GeneratedRegex(@"^(?:when|until when)\s+(?:does|do|did|will|is|shall|would|should)\b.*\b(?:start|starts|begin|begins|end|ends|finish|finishes|close|closes|open|opens|conclude|concludes|commence|commences|over|adjourn|adjourns)\b")]
    private static partial Regex WhenStartsOrEnds();

    [GeneratedRegex(@"\b(?:start|starts|started|begin|begins|began|open|opens|commence|commences)\b")]
    private static partial Regex StartWords();

    [GeneratedRegex(@"\b(?:end|ends|ended|finish|finishes|close|closes|closed|conclude|concludes|over|adjourn|adjourns)\b")]
    private static partial Regex EndWords();

    [GeneratedRegex(@"^who\s+(?:is|are|was|were)\s+(?:the|this|that|it)\b.*\b(?:for|intended for|meant for|aimed at|open to)\s*\??$")]
    private static partial Regex AudienceQuestion();

    [GeneratedRegex(@"^what\s+(?:is|was|are|were|will)\s+.+\s+(?:be\s+)?about\s*\??$")]
    private static partial Regex AboutQuestion();

    /// <summary>"What is objective 9?", "What is Session II?": the title of a numbered part.</summary>
    [GeneratedRegex(@"^what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:panel|session|objective|article|chapter|item|workshop|round table|roundtable|theme|goal|part|annex|principle|commitment|action|recommendation)\s+(?:\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten)\b")]
    private static partial Regex NumberedThingQuestion();

    /// <summary>"What is the purpose of X?": a lower-case noun asked about something else.</summary>
    [GeneratedRegex(@"^[Ww]hat\s+(?:is|was|are|were)\s+(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:of|for|behind)\s+\S")]
    private static partial Regex AttributeQuestion();

    [GeneratedRegex(@"\b(?<noun>panel|plenary|segment|module|track|breakout|webinar|session|objective|article|chapter|item|workshop|round\s?table|meeting|day|annex|part|paragraph|resolution|goal|phase|principle|commitment|action|forum|dialogue|conference|summit)\s+(?:no\.?\s*)?(?<id>\d{1,4}|[ivx]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten)\b")]
    private static partial Regex NumberedThing();

    [GeneratedRegex(@"\b(?<id>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:19|20)\d{2})\s+(?:[a-z-]+\s+)?(?<noun>panel|plenary|segment|session|meeting|objective|workshop|round\s?table|day|forum|dialogue|conference|summit|debate|seminar|hearing|consultation)\b")]
    private static partial Regex OrdinalThing();

    /// <summary>Where a definition's subject ends and the question's scope begins ("vessel | under the Protocol").</summary>
    [GeneratedRegex(@"\s+(?:under|in|within|according to|as used in|for the purposes? of|at|during)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionScope();

    [GeneratedRegex(@"\b(?:document|reference|ref\.?|file|job|symbol)\s+(?:number|no\.?)(?!\w)|\b(?:stands?|stood)\s+for\b|\bmade\s+up\s+of\b|\bmakes?\s+up\b|\brefers?\s+to\s*\?|\bmean\s*\?\s*$|\bmeant\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex FramePhrase();

    [GeneratedRegex(@"^[A-Z][A-Z0-9&-]{1,9}s?$")]
    private static partial Regex AcronymShape();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
