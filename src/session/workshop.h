#pragma once
// Workshop mode (spec/concept.md §3.1, §3.6): what a facilitator enters live during a learning network, forum or
// inspiration day — one dot vote over labelled options and green/red-card (or other scale) tallies per statement.
// Plain C++ (no ImGui), tested natively. Every tap is an action on an undo stack, so a mistaken tap is taken back
// exactly; the records come out as the procesflow profile's `stemming` and `stelling` CSVs (';', CRLF, UTF-8) and
// nothing leaves the machine unless the user downloads them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zicht::session {

// The statement scales of `stelling.schaal` and their positions, in order (the first is the agreeing one).
const std::vector<std::string>& workshop_scales();
// The positions of a scale ("akkoord/niet akkoord" → akkoord, niet akkoord); empty for an unknown scale.
std::vector<std::string> workshop_positions(std::string_view schaal);

struct WorkshopOption {
  int id = 0;  // stable while the workshop lives (taps refer to it)
  std::string label;
  int64_t votes = 0;
};

struct WorkshopStatement {
  int id = 0;
  int nummer = 1;
  std::string tekst;
  std::string schaal = "akkoord/niet akkoord";
  std::string uitkomst;                 // a verbal outcome, when one is said
  std::vector<int64_t> tallies;         // per position of the scale
  std::vector<std::string> arguments;   // per position (free text, optional)
};

class Workshop {
 public:
  // today: "yyyy-mm-dd", gives the default overleg id "workshop-<today>".
  explicit Workshop(const std::string& today = "");

  // --- The meeting ---
  const std::string& overleg_id() const { return overleg_id_; }
  void set_overleg_id(const std::string& id);

  // --- The dot vote ---
  const std::string& vote_title() const { return vote_title_; }
  void set_vote_title(const std::string& t);
  const std::vector<WorkshopOption>& options() const { return options_; }
  void add_option(const std::string& label);
  void rename_option(size_t index, const std::string& label);
  // Removes the option and its taps from the undo stack (an undo never touches an option that is gone).
  void remove_option(size_t index);
  void vote(size_t index);  // one dot: +1, undoable
  int64_t total_votes() const;

  // --- Statements ---
  const std::vector<WorkshopStatement>& statements() const { return statements_; }
  size_t current() const { return current_; }  // the statement being voted on
  void set_current(size_t index);
  // A new statement after the last one (nummer = last + 1, same scale), made current.
  void add_statement();
  void remove_statement(size_t index);
  void set_statement_text(size_t index, const std::string& tekst);
  void set_statement_number(size_t index, int nummer);
  // Changing the scale of a statement with tallies is refused (false): the cards would mean something else.
  bool set_statement_scale(size_t index, const std::string& schaal);
  void set_statement_outcome(size_t index, const std::string& uitkomst);
  void set_argument(size_t index, size_t position, const std::string& text);
  void card(size_t index, size_t position);  // one card held up: +1, undoable

  // --- Undo ---
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  size_t undo_depth() const { return undo_.size(); }
  // Takes back exactly the last tap (repeatedly: the one before it, …); false when there is none.
  bool undo();
  bool redo();  // a new tap clears what could be redone
  // Every count back to zero, the texts kept (the page asks for confirmation first).
  void reset_counts();

  // --- Records (the procesflow contract) ---
  // `overleg_id;optie;stemmen`, one row per option with a label or votes (0 kept).
  std::string stemming_csv() const;
  // `stelling_id;overleg_id;nummer;tekst;schaal;uitkomst_tekst;positie;aantal;argumenten`, one row per statement ×
  // position, for every statement with a text, an outcome or a tally.
  std::string stelling_csv() const;
  // The id a statement's rows carry: "<overleg_id>-s<nummer>".
  std::string stelling_id(const WorkshopStatement& s) const;

  // Bumped on every change (the session caches the live results on it).
  uint64_t version() const { return version_; }

 private:
  struct Tap {
    bool card = false;
    int id = 0;           // option or statement id
    size_t position = 0;  // card: the scale position
  };
  void apply(const Tap& t, int delta);
  WorkshopOption* option(int id);
  WorkshopStatement* statement(int id);
  void changed() { ++version_; }

  std::string overleg_id_;
  std::string vote_title_;
  std::vector<WorkshopOption> options_;
  std::vector<WorkshopStatement> statements_;
  size_t current_ = 0;
  std::vector<Tap> undo_, redo_;
  int next_id_ = 1;
  uint64_t version_ = 1;
};

}  // namespace zicht::session
