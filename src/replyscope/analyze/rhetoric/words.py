"""Hand-written English word lists behind the lexical rhetoric cues.

Written from general knowledge of how people argue in news comments and opinion writing, not
mined from any corpus. Each list is one kind of word, so a cue's family says why it fired.
Ordinary news vocabulary ("attack", "crisis", "war") is left out on purpose: it is loaded only
in context, and keeping it would tag every news paragraph.
"""

from __future__ import annotations

from replyscope.analyze.rhetoric.lexicon import words

# Strongly emotive or value-laden words: they judge while they describe.
LOADED_EMOTIVE = words(
    """
    abhorrent, abominable, absurd*, abysmal, abuse of power, agitator*, alarming*, anarchy,
    annihilat*, apocalyp*, appalling*, arrogan*, atrocious*, atrocit*, audacious, audacity,
    backstab*, barbari*, barbarous, bigotry, bizarre, blackmail*, blatant*, bloodbath*, bloodthirsty,
    bloodlust, blood-soaked, bombshell, brainwash*, brazen*, brutal*, brutish, bully*, bullied,
    butcher*, callous*, carnage, catastroph*, chaos, chaotic, charade, cheat*, chilling*, coddl*,
    collud*, collusion, complicit, complicity, con job, conniving, contempt*, contemptible, corrupt*,
    coward*, crackdown*, craven, crime against humanity, crimes against humanity,
    crooked, cruel*, cruelty, crush*, cynical*, debacle, deceit*, deceiv*, deception*, deceptive*,
    decimat*, degenerate*, degrad*, delusion*, demagogu*, demoni*, demonis*, demoniz*, deplorabl*,
    depraved, depravity, deranged, desecrat*, despicabl*, despot*, destroy*, destruction, destructive,
    devastat*, devious, diabolical, dictatorial, disastrous*, disgrace*, disgust*, dishonest*,
    dishonour*, dishonor*, disinformation, dismantl*, doom*, draconian, dreadful*, duplicit*,
    egregious*, enrag*, evil*, exploit*, extort*, fanatic*, farce, farcical, fascis*, fearmonger*,
    fear-monger*, ferocious*, fiasco, filth*, flagrant*, frenzy, frenzied, furious*, fury,
    genocid*, ghastly, gloat*, godless, greed*, grotesque*, gruesome, gutless, hateful*,
    hatred, havoc, heinous*, hellbent, hell-bent, hell hole, hellhole, heroic*, hideous*, hijack*,
    hoax*, horrend*, horrible, horribly, horrific*, horrify*, horrified, horror*, humiliat*,
    hypocri*, hysteri*, idiocy, ignoran*, illegitimate, immoral*, incompeten*, indoctrinat*,
    inept*, infamous*, inflammatory, inhuman*, iniquit*, insane*, insanity, insidious*, insult*,
    intimidat*, intolerable, intolerant, invasion, invader*, lawless*, lies, pack of lies,
    lunacy, ludicrous*, lurid, malevolen*, malicious*, malign*, manipulat*, martyr*, massacr*,
    mayhem, menac*, merciless*, mob, mobs, monstro*, monster*, murderous, nasty, nefarious,
    nightmar*, notorious*, obscen*, odious, onslaught, oppress*, outrag*, pathetic*, perver*,
    persecut*, pervert*, phony, phoney, pillag*, plunder*, poison*, predator*, preposterous*,
    propaganda*, puppet*, radical*, rampag*, rampant, ransack*, ravag*,
    reckless*, repugnant, repulsive, revolting, ridicul*, rigged, rogue, ruthless*, sabotag*,
    sadistic, savage*, scandal*, scam*, scandalous, scapegoat*, scheming, scourge,
    scum*, seething, senseless*, shameful*, shameless*, sham, sickening*, sinister,
    slander*, slaughter*, slaver*, sleaz*, slur*, smear*, sneaky, sneakily, sordid, spew*, spineless,
    squander*, subversi*, subvert*, terror, thug*, traitor*,
    traitorous, travest*, treacher*, treason*, trampl*, tyran*, unconscionable, unhinged,
    unjust*, unscrupulous, vengeance, vengeful, venom*, vicious*, vile, vilif*, villain*,
    vitriol*, vulgar*, warmonger*, war-monger*, wicked*, witch hunt*, witch-hunt*,
    wrecked, wrecking ball, xenophob*, zealot*,
    # dismissive words: waving an argument away instead of answering it
    baloney, balderdash, claptrap, drivel, garbage, gibberish, hogwash, malarkey, nonsense,
    nonsensical, poppycock, rubbish, tripe, twaddle, hot air, fairy tale*, pack of lies,
    # verbs that turn criticism into a fight
    slammed, blasted, lashed out, lashing out, ripped into, tore into, torched, eviscerat*,
    skewer*, trashed, bashed, bashing, hammered, exploded, erupted, raged, ranted, rant, rants,
    railed against, fumed, fuming, savaged,
    # childish or craven behaviour pinned on adults
    reeling, in shambles, in tatters, puerile, temerity, tantrum*, meltdown*, hissy fit*, whine,
    whines, whined, whining, crybab*, grovel*, cower*, plotting, plotted, kowtow*, capitulat*,
    # idioms of betrayal and abuse
    dustbin of history, trash heap of history, ash heap of history, stab in the back,
    stabbed in the back, under the bus, line their pockets, lining their pockets, bleed us dry,
    rammed through, down our throats, down their throats, sold out, sell out, by any means necessary,
    betray*, treacher*,
    # contempt and disgust: words that condemn while they describe
    abhor*, abominably, armageddon, bogus, botched, bungl*, calamit*, cataclysmic, crass, cronyism,
    debauch*, decadent, deluded, denigrat*, detestable, fiendish, foolhardy, fraudulent, ghoulish,
    grisly, hapless, heartless, ignominious, incendiary, indefensible, infuriating, irresponsible,
    laughable, loathsome, lousy, madness, mendacious, mockery, nauseating, noxious, outlandish,
    pernicious, petty, rancid, reprehensible, rotten, sacrilege, scathing, seditious, shoddy, sinful,
    sloppy, squalid, stench, trumped-up, twisted, unforgivable, unholy, unspeakable, untruthful,
    virulent, wanton, wasteful, woeful, worthless, wretched,
    # shock and intensity words
    shocking*, stunning, astonishing*, staggering*, breathtaking*, jaw-dropping, mind-boggling,
    terrible, terribly, awful, awfully, appalled, horrendous*, disastrously, unbelievable,
    incredibly, outrageously
    """
)

# Labels stuck on people or groups instead of an argument about them (name-calling).
NAME_CALLING_LABELS = words(
    """
    agitators, alarmist*, alt-right, anti-american*, anti-semite*, antisemite*, apologist*,
    autocrat*, bigot*, bleeding heart*, boot-licker*, bootlicker*, buffoon*, cabal*, charlatan*,
    chickenhawk*, clown*, commie*, communist*, con artist*, con man, con men, conspiracy theorist*,
    crackpot*, crony, cronies, crook*, cultist*, cuck*, deadbeat*, deep state, demagogue*,
    denier*, deplorables, dictator*, dimwit*, elitist*, extremist*, fanatics, far-left, far-right,
    fascist*, fifth column*, flunkey*, flunky, fraudster*, fundamentalist*, gangster*, globalist*,
    gun-grabber*, hacks, hard-left, hard-right, hardliner*, hatemonger*, heretic*, hooligan*,
    hypocrite*, imbecile*, islamist*, islamofascis*, jihadi*, junkie*, kook*, lackey*, leftie*,
    lefty, leftist*, libtard*, loon, loons, looney*, loony, lowlife*, lunatic*, madman, madmen,
    maniac*, marxist*, mouthpiece*, narcissist*, nazi*, neocon*, neo-nazi*, nutcase*, nut job*,
    nutjob*, oligarch*, opportunist*, paedophile*, pedophile*, pawns, pervert*, pinko*, predator*,
    propagandist*, psychopath*, puppet*, quack*, racist*, radicals, reactionar*, redneck*,
    renegade*, rino, rinos, sellout*, sell-out*, sexist*, sheeple, shill*, snake oil, snowflake*,
    sociopath*, stooge*, sycophant*, thug*, totalitarian*, traitor*, troll*, tyrant*,
    usurper*, vermin, villain*, warlord*, warmonger*, weasel*, white supremacist*, wingnut*,
    zealot*, zionist*, the swamp, lamestream, fake news, enemy of the people,
    enemies of the people, useful idiot*, fellow traveller*, fellow traveler*, gun nut*,
    tree hugger*, tree-hugger*, social justice warrior*, sjw*, feminazi*, race-baiter*,
    race baiter*, trumpist*, cult leader*, cult member*, crooks, liar*, the left, the far left,
    the radical left, the loony left, the right wing, right-wingers, left-wingers, the elites, elites,
    # ideological labels, mostly used of opponents
    abortionist*, anarchist*, collectivist*, ideologue*, imperialist*, jihadist*, leninist*, maoist*,
    militarist*, modernist*, nihilist*, socialists, stalinist*, statist, statists, supremacist*, trotskyist*,
    separatists, secularist*, progressives, liberals, libs, the liberal media, the liberal elite*,
    neoliberal*, neo-liberal*, warmongering, bleeding-heart*, do-gooder*, busybod*, freeloader*,
    parasite*, leech*, bloodsucker*, hate preacher*, hatemonger*, fearmonger*,
    crazies, nutters, kooks, mob, rabble, horde, hordes, cult, cultists,
    # comparisons with notorious regimes and their machinery
    gestapo*, stasi, gulag*, orwellian, kafkaesque, stalinist*, mafia, mafioso*, nazi-like,
    gestapo-like, cult-like, banana republic, police state, thought police, ministry of truth,
    # people branded by character or conduct
    egomaniac*, megalomaniac*, blowhard*, windbag*, grifter*, huckster*, swindler*, turncoat*,
    quisling*, enabler*, toady, toadies, yes-men, yes-man, lapdog*, henchm*n, goon, goons,
    kingpin*, ringleader*, provocateur*, rabble-rouser*, firebrand*, strongman, strongmen,
    plutocrat*, kleptocrat*, fat cat*, snob*, homophobe*, misogynist*, islamophobe*, moonbat*,
    crank, cranks, savages, barbarians, beasts, degenerates, deviants, reprobate*, scoundrel*,
    miscreant*, looters, rioters, thief, thieves, lemmings,
    zombies, sheep, cowards, bullies, hatemongers, sinners, pharisee*, false prophet*,
    apostate*, infidel*, blasphemer*, idolater*, antichrist, wolves in sheep's clothing,
    heathen*, pagans, godless, unbelievers, fifth columnist*, saboteur*, subversive*,
    agent provocateur*, double agent*, spy ring*, crime family, crime boss*, mobster*,
    # praise labels: branding someone a hero is the same move as branding them a villain
    hero, heroes, heroine*, legend, legends, icon, icons, true patriot*, great patriot*,
    # animal and circus metaphors for people
    snakes, vipers, rats, vultures, hyenas, jackals, swine, circus, freak show, clown show,
    kangaroo court, witch doctor*,
    # followers and functionaries, cast as tools of someone else
    acolytes, cheerleaders, apparatchik*, schismatic*,
    # rule branded as illegitimate
    dictatorial, authoritarian*, despotic,
    # mock praise: calling opponents geniuses to call them fools
    these geniuses, those geniuses, our betters, brain trust, rocket scientists, einsteins,
    # more character brands
    satrap*, vassal*, shock troops, foot soldiers, bad actors, pansy, pansies, sissy, sissies,
    lothario*, philanderer*, womani*er*, enemy of, enemies of, useful fools, sleazeball*,
    killer cop*, invaders, religion of peace,
    # common comment-section brands for opponents, their followers and their cheerleaders
    despot*, tinpot dictator*, moocher*, scrounger*, whack job*, wacko*, whacko*, weirdo*, psycho,
    psychos, loudmouth*, bigmouth*, blabbermouth*, naysayer*, doomsayer*, flat-earther*, tinfoil hat*,
    tin foil hat*, conspiracy nut*, keyboard warrior*, armchair general*, empty suit*, talking heads,
    party hack*, political hack*, hatchet man, hatchet men, attack dog*, brown-noser*, bible-thumper*,
    race hustler*, poverty pimp*, ambulance chaser*, welfare queen*, fanboy*, drama queen*,
    xenophobe*, jingoist*, chauvinist*, limousine liberal*, champagne socialist*, egghead*,
    robber baron*, profiteer*, carpetbagger*, scaremonger*, know-it-all*, never-trumper*, birther*,
    truther*, anti-vaxxer*, antivaxxer*, demonrat*, repugnican*, trumpanzee*, deep stater*,
    swamp creature*, virtue signaller*, virtue signaler*, cultural marxis*, neo-marxist*,
    # historical enforcers and traitors as comparisons for today's opponents
    brownshirt*, blackshirt*, jackboot*, stormtrooper*, storm trooper*, red guard*, commissar*,
    bolshevik*, trotskyite*, collaborationist*, appeaser*, running dog*, capitalist pig*,
    # contempt for a class, a creed or a crowd
    peacenik*, skinhead*, klansm*n, white trash, trailer trash, riff-raff, riffraff, great unwashed,
    bitter clingers, hillbilly, hillbillies, sore loser*, whiners, kafir*, kuffar, colonizer*,
    colonialist*, cockroaches, paid protester*, slimeball*, sleazebag*, groomer*, child molester*,
    pedo, pedos, misandrist*, incel*"""
)

# Nouns that brand whoever they are predicated of ("he is a disgrace", "they are the enemy").
BRANDING_NOUNS = words(
    """
    # ("a disaster", "a threat" are left out: they are said of situations as often as of people)
    bully, cancer, clown, coward, criminal, dictator, disgrace, embarrassment,
    enemy, failure, fool, fraud, hack, hypocrite, joke, laughingstock, liar, loser, menace,
    monster, mouthpiece, parasite, pawn, puppet, scumbag, shill, snake, stooge, tool,
    traitor, tyrant, idiot, moron, lunatic, psychopath, crook, thug, bigot, racist, fascist, nazi,
    hero, saint, genius, visionary, patriot, legend
    """
)

# Evaluative adjectives glued to a person's or group's name ("Crooked Hillary", "corrupt Congress").
EPITHET_ADJECTIVES = words(
    """
    arrogant, brutal, corrupt, cowardly, criminal, crooked, deceitful, delusional, deranged,
    despicable, disgraced, dishonest, evil, failed, failing, fake, fraudulent, hapless, hypocritical,
    incompetent, infamous, lying, murderous, notorious, pathetic, radical, rogue, ruthless, shady,
    sleazy, sleepy, so-called, treacherous, tyrannical, unhinged, vile, wicked
    """
)

# Adjectives that turn a plain noun for people into a label ("radical activists", "corrupt elites").
LABELLING_ADJECTIVES = words(
    """
    arrogant, brainwashed, bloodthirsty, brutal, callous, clueless, communist, cowardly, corrupt,
    criminal, crooked, cynical, deluded, delusional, deranged, despicable, dishonest, disgraced,
    evil, extremist, far-left, far-right, fanatical, fascist, globalist, godless, greedy, hard-left,
    hateful, hysterical, ignorant, immoral, incompetent, leftist, left-wing, lying, marxist, militant,
    murderous, partisan, pathetic, perverted, power-hungry, radical, rabid, reckless, right-wing,
    ruthless, self-righteous, shameless, sick, sinister, sleazy, smug, socialist, spineless,
    treacherous, twisted, ungrateful, unhinged, unelected, vicious, vile, violent, wicked, woke,
    so-called, self-styled, self-appointed, useless, unaccountable, elitist, bigoted, racist,
    childish, immature, hack, washed-up, two-faced, lousy, rotten, sanctimonious,
    # praise labels count too: labelling someone a hero is the same move as labelling them a villain
    amazing, brave, brilliant, courageous, distinguished, esteemed, extraordinary, fearless,
    heroic, holy, honorable, honourable, humble, legendary, noble, outstanding, principled,
    respected, righteous, saintly, selfless, talented, tireless, visionary, wise, wonderful, beloved
    """
)

# Labels pinned on an activity or a claim rather than a person ("witch hunt", "hoax"): the same
# name-calling move, aimed at what the other side does or says.
DISCREDITING_LABELS = words(
    """
    witch hunt*, witch-hunt*, hoax*, sham, shams, charade*, farce*, travesty, travesties, smear*,
    smear campaign*, propaganda, propagandi*, conspiracy theor*, fairy tale*, fairytale*, junk science,
    fake news, show trial*, kangaroo court*, power grab*, scam, scams, con job*, hit job*, hit piece*,
    political theat*, publicity stunt*, whitewash*, disinformation, scaremonger*,
    fearmonger*, fear-monger*, moral panic, cancel culture, virtue signal*, nanny state, hysteria,
    mass hysteria, pseudo-science, pseudoscience, quackery, snake oil, dog and pony show, circus,
    fishing expedition, perjury trap
    """
)

# Adjectives that judge a person's character rather than describe an act ("he is dishonest").
CHARACTER_ADJECTIVES = words(
    """
    arrogant, bigoted, callous, corrupt, cowardly, crooked, deceitful, delusional, depraved,
    deranged, disgraced, dishonest, duplicitous, evil, fanatical, greedy, hateful, hypocritical,
    hysterical, ignorant, immoral, incompetent, notorious, partisan,
    pathetic, power-hungry, racist, ruthless, sanctimonious, self-righteous, sexist, shameless,
    sinister, smug, spineless, stupid, traitorous, treacherous, treasonous, two-faced, unhinged,
    wicked, venal, vindictive, spiteful, pompous, conceited, narcissistic,
    megalomaniacal, paranoid, senile, demented, brainless, gullible, naive, clueless, feckless,
    craven, devious, shifty, slimy, sleazy, unscrupulous, untrustworthy, unprincipled, godless,
    crazy, loony, batty, scurrilous, treasonous, sociopathic, psychopathic
    """
)

# Plain nouns for people and groups, the heads those adjectives label.
PEOPLE_NOUNS = words(
    """
    person, persons, people, men, man, woman, women, folks, child, children, kids, soldier*,
    patriot*, hero, heroes, fighter*, champion*, servant*, president, senator*, congressman,
    congresswoman, congressmen, pope, cardinal*, governor*, mayor*, minister*, king, queen,
    prince, dictator*, boss, bosses, lawyer*, candidate*, spokesm*n, figure*, individual*, crowd, crowds, mob, mobs, gang, gangs, group, groups,
    bunch, lot, class, elite, elites, establishment, politician*, official*, bureaucrat*, leader*,
    media, press, journalist*, reporter*, pundit*, activist*, priest*, bishop*, clergy, cleric*,
    democrat*, republican*, liberal*, conservative*, left, leftist*, socialist*, communist*,
    party, regime, government, administration, lawmaker*, judge*, cop*, police, agent*, spies,
    immigrant*, migrant*, supporter*, follower*, voter*, student*, professor*, academic*,
    expert*, banker*, billionaire*, corporation*, lobby, lobbyist*, operative*, minion*, henchm*n,
    crony, cronies, allies, ideologue*, zealot*, fanatic*, extremist*, radical*, thug*, criminal*,
    movement, organization*, organisation*, cabal, clique, faction*, tribe*, sect*, cult*
    """
)

# Swearing and direct insults, the things a moderator would flag.
PROFANITY = words(
    """
    arse, arsehole*, ass, asses, asshat*, asshole*, bastard*, bitch*, bloody hell, bollocks,
    bullcrap, bullshit*, crap, crappy, cunt*, damn, damned, dammit, damnit, dickhead*,
    douche*, effing, friggin*, frickin*, fuck*, goddamn*, god damn, hell no, horseshit,
    jackass*, motherf*, pissed, piss off, screw you, screw them, shit*, shut up, stfu,
    son of a bitch, twat*, wanker*, wtf
    """
)

INSULT_LABELS = words(
    """
    clown*, cretin*, dimwit*, dirtbag*, dumbass*, dumb, dumber, dumbest, dunce*,
    halfwit*, idiot*, ignoramus*, imbecile*, jerk*, loser*, lowlife*, moron*, nitwit*, numbskull*,
    numpty, retard*, scum*, scumbag*, simpleton*, stupid*, stupidity, twit,
    twits, vermin, fool, fools, foolish*
    """
)

# Vocabulary of a hidden hand steering events.
CONSPIRACY_TERMS = words(
    """
    illuminati, deep state, new world order, nwo, shadow government, false flag*, false-flag*,
    cover-up*, coverup*, cover up, inside job, psyop*, psy-op*, crisis actor*, puppet master*,
    puppeteer*, cabal, bilderberg*, rothschild*, freemason*, chemtrail*, globalist agenda,
    globalist elite*, controlled opposition, the powers that be, powers that be, tptb,
    secret agenda, hidden agenda, was staged, were staged, all staged, plandemic, big pharma, sheeple,
    they don't want you to know, wake up people, wake up sheeple, connect the dots,
    follow the money, pulling the strings, pull the strings, behind the curtain,
    no coincidence, not a coincidence, not coincidence, coincidence? i think not,
    military-industrial complex, military industrial complex, reptilian*, zog, one world government
    """
)

# Everyday hedges: the writer marking their own claim as uncertain.
HEDGES = words(
    """
    maybe, perhaps, possibly, probably, presumably, arguably, supposedly, apparently, seemingly,
    i think, i believe, i guess, i suppose, i suspect, i feel like, i'm not sure, im not sure,
    i am not sure, not sure, it seems, seems like, seems to, might be, could be, may be,
    sort of, kind of, somewhat, more or less, in my opinion, imo, imho, in my view,
    as far as i know, afaik, if i'm not mistaken, correct me if i'm wrong, or at least,
    to some extent, i could be wrong, i may be wrong, not necessarily, likely
    """
)

# Common all-caps tokens that are names, not shouting.
ACRONYMS = frozenset(
    """
    ABC AFP AIDS AKA AP API ASAP ATF BBC BLM CBC CBS CDC CEO CFO CIA CNN COO COVID CPU CTO DARPA DC
    DEA DHS DNA DNC DNI DOD DOE DOJ DVD EPA ETA EU FAQ FBI FCC FDA FEMA FIFA FISA FOX GDP GMO GOP GPS
    HIV HQ HTML HTTP HTTPS ICE ID IMF IQ IRA IRS ISIS ISIL IT KGB LA LGBT LGBTQ LLC LOL MI MIT MP MPS
    MSM MSNBC NAFTA NASA NATO NBA NBC NCAA NFL NGO NHL NHS NPR NRA NSA NY NYC NYPD NYT OK OPEC PBS PC
    PDF PM PR PTSD RAF RNC RSS SAT SEC SNL SNP SUV SWAT TV UAE UFO UK UN UNESCO UNICEF URL US USA USAF
    USD USSR VA VIP VP WHO WSJ WTO WWI WWII WMD YMCA YOLO ZIP IDF IAEA IRGC FSB GRU SCOTUS POTUS
    FLOTUS NAACP ACLU AFL CIO EEOC FTC NIH NOAA OPM OSHA USDA USPS BREXIT AIPAC MAGA QANON ANC CCP
    ICBM KKK MS ACA PPP IPO ETF EUR GBP JPM AMA ACT FYI BTW IMO IMHO AFAIK RIP OMG
    """.split()
)
