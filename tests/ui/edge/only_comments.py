# only a comment
# and another one, with an apostrophe: don't

