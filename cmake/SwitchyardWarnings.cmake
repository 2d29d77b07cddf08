# switchyard_set_warnings(<target>): strict warnings for code we wrote.
function(switchyard_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wold-style-cast -Wcast-align -Woverloaded-virtual)
        if(SWITCHYARD_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# Qt-wide strictness for the ui and app layers (Qt Creator's habits).
function(switchyard_qt_defines target)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_FOREACH
                                                 QT_USE_QSTRINGBUILDER QT_NO_URL_CAST_FROM_STRING
                                                 QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()
