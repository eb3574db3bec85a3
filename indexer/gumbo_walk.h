#pragma once
// Walking a gumbo tree in document order without recursion: saved pages nest elements
// tens of thousands deep, past what the call stack holds.

#include <gumbo.h>

#include <vector>

namespace qbank::indexer {

inline const GumboVector* children_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE ? &node->v.element.children : nullptr;
}

// Calls visit(node) on `root` and every node below it, in document order.
template <typename Visit>
void for_each_node(const GumboNode* root, Visit visit) {
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        visit(node);
        if (const GumboVector* kids = children_of(node))
            for (unsigned i = kids->length; i-- > 0;) pending.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
}

}  // namespace qbank::indexer
